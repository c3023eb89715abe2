package dev.trent.store;

import dev.trent.kms.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What differs between the two databases Trent keeps its state in: column types, and how a change
 * is begun and serialized. The statements themselves ({@code INSERT ... ON CONFLICT ... DO UPDATE},
 * {@code LIMIT}) are written once, in the SQL both understand.
 */
enum Dialect {
    /** The embedded store: one process (a lock file sees to it), one writer at a time. */
    SQLITE("BLOB", "TEXT") {
        @Override
        void begin(Connection connection, Collection<Scope> scopes) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // Takes the write lock now, not at the first write: a reader never has to be upgraded.
                statement.execute("BEGIN IMMEDIATE");
            }
        }

        @Override
        void lockMore(Connection connection, Collection<Scope> scopes) {
            // The transaction holds the database's only write lock already.
        }

        @Override
        void commit(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException e) {
                // No transaction was left open: the failure came before BEGIN took, or SQLite ended it.
            }
        }

        @Override
        void lockSchema(Connection connection) {
            // The lock file keeps every other process out of the directory.
        }

        @Override
        Set<String> tables(Connection connection) throws SQLException {
            return names(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        }
    },

    /** The shared store: several Trent processes change it, serialized per scope by advisory locks. */
    POSTGRESQL("BYTEA", "TEXT COLLATE \"C\"") {
        @Override
        void begin(Connection connection, Collection<Scope> scopes) throws SQLException {
            connection.setAutoCommit(false);
            lockMore(connection, scopes);
        }

        /**
         * Takes the transaction-long advisory lock of each scope, in the order given (the domain's
         * one order), so that changes to one scope made through other Trent processes wait for this one.
         */
        @Override
        void lockMore(Connection connection, Collection<Scope> scopes) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                for (Scope scope : scopes) {
                    lock.setLong(1, lockId("scope\0" + scope.account() + "\0" + scope.region()));
                    lock.executeQuery().close();
                }
            }
        }

        @Override
        void commit(Connection connection) throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
        }

        /** Two Trent processes starting on an empty database: one creates the tables, the other waits. */
        @Override
        void lockSchema(Connection connection) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, lockId("schema"));
                lock.executeQuery().close();
            }
        }

        @Override
        Set<String> tables(Connection connection) throws SQLException {
            return names(connection,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        }
    };

    /** The type of stored values. */
    final String blob;
    /**
     * The type of text columns: ordered by code point, as Java orders strings, so pages and lists
     * come in the order the memory store gives.
     */
    final String text;

    Dialect(String blob, String text) {
        this.blob = blob;
        this.text = text;
    }

    /** Begins a change to these scopes on a connection in autocommit mode. */
    abstract void begin(Connection connection, Collection<Scope> scopes) throws SQLException;

    /** Serializes the change begun on the connection with other changes to these scopes too. */
    abstract void lockMore(Connection connection, Collection<Scope> scopes) throws SQLException;

    /** Commits the change, and leaves the connection in autocommit mode. */
    abstract void commit(Connection connection) throws SQLException;

    /** Rolls the change back, and leaves the connection in autocommit mode. */
    abstract void rollback(Connection connection) throws SQLException;

    /** Within a change: waits until no other process creates or migrates the tables. */
    abstract void lockSchema(Connection connection) throws SQLException;

    /** The names of the tables of the database (PostgreSQL: of its current schema). */
    abstract Set<String> tables(Connection connection) throws SQLException;

    private static Set<String> names(Connection connection, String query) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long lockId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("trent\0" + name).getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = id << 8 | digest[i] & 0xff;
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
