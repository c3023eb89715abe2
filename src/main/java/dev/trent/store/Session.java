package dev.trent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A pooled connection and the statements prepared on it, kept for the next use: preparing is most
 * of the cost of reading a key from SQLite. Used by one thread at a time, as the pool lends it.
 */
final class Session {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The statement prepared for this SQL; it stays open, for the next use. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Forgets the prepared statements: after a failure, which may have left one half-used. */
    void forgetStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // It goes anyway.
            }
        }
        statements.clear();
    }

    void close() {
        forgetStatements();
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing: nothing is left to do with it.
        }
    }
}
