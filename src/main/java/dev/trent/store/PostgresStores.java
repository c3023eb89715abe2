package dev.trent.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The shared store: Trent's tables in a PostgreSQL database, used by every Trent process given the
 * same URL. Changes to one scope are serialized across processes by advisory locks (see
 * {@link Dialect#POSTGRESQL}); nothing cached in a process hides another's writes.
 */
final class PostgresStores {
    private static final int CONNECTIONS = 4;

    private PostgresStores() {
    }

    static Store open(StoreSettings settings) {
        String url = settings.jdbcUrl();
        String where = "at " + withoutParameters(url);
        Database.Connector connector = () -> DriverManager.getConnection(url);
        return StoreOpening.open(settings, Dialect.POSTGRESQL, () -> {
            try (Connection connection = connector.connect()) {
                return Schema.meta(connection, Dialect.POSTGRESQL, where);
            } catch (SQLException e) {
                throw new StoreException("The store " + where + " cannot be reached: " + e.getMessage(), e);
            }
        }, connector, CONNECTIONS, where, true, () -> { });
    }

    /** The URL without its parameters, which may hold a password. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
