package dev.trent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables of a durable store and their versions. {@code trent_meta} holds the schema version,
 * the Trent that last created or migrated the store, and how its secrets are sealed. A store is
 * created by running every migration from version 0; an older one is brought up to date at start,
 * in the same transaction as the check of its version.
 */
final class Schema {
    static final String META = "trent_meta";
    static final String SCHEMA_VERSION = "schema_version";
    static final String TRENT_VERSION = "trent_version";

    /** Step {@code i} takes a store from schema version {@code i} to {@code i + 1}. */
    private static final List<Function<Dialect, List<String>>> MIGRATIONS = List.of(Schema::version1);

    /** The schema version this Trent writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * The meta data of the store; empty for a database that holds no store yet.
     *
     * @throws StoreException when the database holds something else, or a store of a newer schema
     */
    static Optional<Map<String, String>> meta(Connection connection, Dialect dialect, String where)
            throws SQLException {
        Set<String> tables = dialect.tables(connection);
        if (!tables.contains(META)) {
            if (dialect == Dialect.SQLITE && !tables.isEmpty()) {
                throw new StoreException(where + " holds an SQLite database that is not a Trent store (tables "
                        + String.join(", ", tables.stream().sorted().toList())
                        + "); give Trent a directory of its own");
            }
            return Optional.empty();
        }
        Map<String, String> meta = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, value FROM " + META)) {
            while (rows.next()) {
                meta.put(rows.getString(1), rows.getString(2));
            }
        }
        int version = version(meta, where);
        if (version > VERSION) {
            throw new StoreException("The store " + where + " has schema version " + version + ", written by Trent "
                    + meta.getOrDefault(TRENT_VERSION, "(unknown)") + "; this Trent (" + Stores.trentVersion()
                    + ") knows schema versions up to " + VERSION + ". Use that Trent or a newer one");
        }
        return Optional.of(meta);
    }

    static int version(Map<String, String> meta, String where) {
        try {
            return Integer.parseInt(meta.getOrDefault(SCHEMA_VERSION, ""));
        } catch (NumberFormatException e) {
            throw new StoreException("The store " + where + " is damaged: its schema version is '"
                    + meta.get(SCHEMA_VERSION) + "'");
        }
    }

    /** Creates the tables of a new store, with these meta data besides the versions. */
    static void create(Connection connection, Dialect dialect, Map<String, String> meta) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + META + " (name " + dialect.text + " PRIMARY KEY, value "
                    + dialect.text + " NOT NULL)");
        }
        migrate(connection, dialect, 0);
        for (Map.Entry<String, String> entry : meta.entrySet()) {
            put(connection, entry.getKey(), entry.getValue());
        }
    }

    /** Brings a store from schema version {@code from} to this Trent's. */
    static void migrate(Connection connection, Dialect dialect, int from) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int version = from; version < VERSION; version++) {
                for (String sql : MIGRATIONS.get(version).apply(dialect)) {
                    statement.execute(sql);
                }
            }
        }
        put(connection, SCHEMA_VERSION, Integer.toString(VERSION));
        put(connection, TRENT_VERSION, Stores.trentVersion());
    }

    static void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + META
                + " (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    /**
     * The first schema. Every row is keyed by account and region; a value is kept whole in {@code body}
     * (see {@link ValueCodec}), beside the columns the store looks it up by. Dates a query compares
     * are kept as epoch seconds and nanoseconds.
     */
    private static List<String> version1(Dialect d) {
        String text = d.text;
        String scope = "account " + text + " NOT NULL, region " + text + " NOT NULL, ";
        return List.of(
                "CREATE TABLE trent_keys (" + scope + "key_id " + text + " NOT NULL, revision BIGINT NOT NULL, "
                        + "due_s BIGINT, due_n INTEGER, body " + d.blob + " NOT NULL, "
                        + "PRIMARY KEY (account, region, key_id))",
                "CREATE INDEX trent_keys_due ON trent_keys (due_s)",
                "CREATE TABLE trent_aliases (" + scope + "name " + text + " NOT NULL, target_key_id " + text
                        + " NOT NULL, body " + d.blob + " NOT NULL, PRIMARY KEY (account, region, name))",
                "CREATE INDEX trent_aliases_target ON trent_aliases (account, region, target_key_id)",
                "CREATE TABLE trent_grants (" + scope + "key_id " + text + " NOT NULL, grant_id " + text
                        + " NOT NULL, retiring_principal " + text + ", retiring_service_principal " + text
                        + ", body " + d.blob + " NOT NULL, PRIMARY KEY (account, region, key_id, grant_id))",
                "CREATE INDEX trent_grants_retiring ON trent_grants (region, retiring_principal)",
                "CREATE INDEX trent_grants_retiring_service ON trent_grants (region, retiring_service_principal)",
                "CREATE TABLE trent_custom_key_stores (" + scope + "id " + text + " NOT NULL, body " + d.blob
                        + " NOT NULL, PRIMARY KEY (account, region, id))",
                "CREATE TABLE trent_last_usage (" + scope + "key_id " + text + " NOT NULL, operation " + text
                        + " NOT NULL, used_s BIGINT NOT NULL, used_n INTEGER NOT NULL, event_id " + text
                        + ", request_id " + text + ", PRIMARY KEY (account, region, key_id))",
                "CREATE TABLE trent_import_tokens (token_id " + text + " PRIMARY KEY, " + scope + "key_id " + text
                        + " NOT NULL, valid_s BIGINT NOT NULL, valid_n INTEGER NOT NULL, body " + d.blob
                        + " NOT NULL)",
                "CREATE INDEX trent_import_tokens_valid ON trent_import_tokens (valid_s)");
    }
}
