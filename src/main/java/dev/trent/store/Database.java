package dev.trent.store;

import dev.trent.kms.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A few connections to the store's database, and the units of work on them: the outermost
 * {@link #atomically} on a thread begins a transaction on one connection, calls within it on the
 * same thread join it (their reads see its writes), and it commits before returning, or rolls back
 * and rethrows on any exception. Work outside a unit reads in autocommit mode, and writes in a
 * transaction of its own.
 */
final class Database implements AutoCloseable {

    /** Work on a connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Opens a new connection. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private static final class Unit {
        final Connection connection;

        Unit(Connection connection) {
            this.connection = connection;
        }
    }

    private final Dialect dialect;
    private final Connector connector;
    private final String where;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    /**
     * SQLite has one writer at a time: the threads of this process queue here rather than poll its
     * busy handler.
     */
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<Unit> units = new ThreadLocal<>();
    private volatile boolean closed;

    /**
     * @param where the store, as messages name it
     */
    Database(Dialect dialect, Connector connector, int connections, String where) {
        this.dialect = dialect;
        this.connector = connector;
        this.where = where;
        this.idle = new ArrayBlockingQueue<>(connections);
        try {
            for (int i = 0; i < connections; i++) {
                Connection connection = connector.connect();
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw failure("cannot be opened", e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs a change to these scopes as one transaction; a change already running on this thread is joined. */
    <T> T atomically(Collection<Scope> scopes, Supplier<T> change) {
        Unit current = units.get();
        if (current != null) {
            try {
                dialect.lockMore(current.connection, scopes);
            } catch (SQLException e) {
                throw failure("cannot lock the scopes of a change", e);
            }
            return change.get();
        }
        Connection connection = borrow();
        boolean locked = false;
        boolean committed = false;
        try {
            if (dialect == Dialect.SQLITE) {
                writer.lock();
                locked = true;
            }
            dialect.begin(connection, scopes);
            units.set(new Unit(connection));
            T result = change.get();
            dialect.commit(connection);
            committed = true;
            return result;
        } catch (SQLException e) {
            throw failure("cannot record a change", e);
        } finally {
            units.remove();
            if (!committed) {
                try {
                    dialect.rollback(connection);
                } catch (SQLException e) {
                    // The connection is checked before it is lent again.
                }
            }
            if (locked) {
                writer.unlock();
            }
            giveBack(connection, !committed);
        }
    }

    /** Writes as part of the unit running on this thread, or else in a transaction of its own. */
    <T> T write(Work<T> work) {
        Unit current = units.get();
        if (current != null) {
            return run(current.connection, work);
        }
        return atomically(List.of(), () -> run(units.get().connection, work));
    }

    /** Reads within the unit running on this thread (seeing its writes), or else in autocommit mode. */
    <T> T read(Work<T> work) {
        Unit current = units.get();
        if (current != null) {
            return run(current.connection, work);
        }
        Connection connection = borrow();
        boolean failed = true;
        try {
            T result = run(connection, work);
            failed = false;
            return result;
        } finally {
            giveBack(connection, failed);
        }
    }

    private <T> T run(Connection connection, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure("failed", e);
        }
    }

    private Connection borrow() {
        if (closed) {
            throw new StoreException("The store " + where + " is closed");
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a connection to the store " + where);
        }
    }

    /**
     * Returns the connection to the pool; after a failure, a new one in its place when it no longer
     * works (a restarted database server).
     */
    private void giveBack(Connection connection, boolean failed) {
        Connection returned = connection;
        try {
            if (failed && !closed && !connection.isValid(5)) {
                connection.close();
                returned = connector.connect();
                synchronized (all) {
                    all.remove(connection);
                    all.add(returned);
                }
            }
        } catch (SQLException e) {
            // The broken connection goes back: its next user gets the error, and another replacement try.
        }
        idle.add(returned);
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("The store " + where + " " + what + ": " + e.getMessage(), e);
    }

    /**
     * Closes the connections, waiting a few seconds for those in use: the lock of an embedded store
     * is released after this, and no write may follow.
     */
    @Override
    public void close() {
        closed = true;
        int open;
        synchronized (all) {
            open = all.size();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        try {
            for (int i = 0; i < open; i++) {
                Connection connection = idle.poll(Math.max(0, deadline - System.nanoTime()),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                if (connection == null) {
                    break;
                }
                closeQuietly(connection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing: nothing is left to do with it.
        }
    }
}
