package dev.trent.store;

import dev.trent.kms.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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

    /** Work in a session (a connection and its prepared statements). */
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    /** Opens a new connection. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Dialect dialect;
    private final Connector connector;
    private final String where;
    private final int size;
    private final BlockingQueue<Session> idle;
    /**
     * SQLite has one writer at a time: the threads of this process queue here (before they take a
     * connection, which readers may use meanwhile) rather than poll SQLite's busy handler.
     */
    private final ReentrantLock writer = new ReentrantLock(true);
    /** The session of the unit running on each thread. */
    private final ThreadLocal<Session> units = new ThreadLocal<>();
    private volatile boolean closed;

    /**
     * @param where the store, as messages name it
     */
    Database(Dialect dialect, Connector connector, int size, String where) {
        this.dialect = dialect;
        this.connector = connector;
        this.where = where;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                idle.add(new Session(connector.connect()));
            }
        } catch (SQLException e) {
            idle.forEach(Session::close);
            throw failure("cannot be opened", e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs a change to these scopes as one transaction; a change already running on this thread is joined. */
    <T> T atomically(Collection<Scope> scopes, Supplier<T> change) {
        Session current = units.get();
        if (current != null) {
            try {
                dialect.lockMore(current.connection(), scopes);
            } catch (SQLException e) {
                throw failure("cannot lock the scopes of a change", e);
            }
            return change.get();
        }
        boolean locked = dialect == Dialect.SQLITE;
        if (locked) {
            writer.lock();
        }
        Session session = null;
        boolean committed = false;
        try {
            session = borrow();
            dialect.begin(session.connection(), scopes);
            units.set(session);
            T result = change.get();
            dialect.commit(session.connection());
            committed = true;
            return result;
        } catch (SQLException e) {
            throw failure("cannot record a change", e);
        } finally {
            units.remove();
            if (session != null) {
                if (!committed) {
                    try {
                        dialect.rollback(session.connection());
                    } catch (SQLException e) {
                        // The connection is checked as it is given back.
                    }
                }
                giveBack(session, !committed);
            }
            if (locked) {
                writer.unlock();
            }
        }
    }

    /** Writes as part of the unit running on this thread, or else in a transaction of its own. */
    <T> T write(Work<T> work) {
        Session current = units.get();
        if (current != null) {
            return run(current, work);
        }
        return atomically(List.of(), () -> run(units.get(), work));
    }

    /** Reads within the unit running on this thread (seeing its writes), or else in autocommit mode. */
    <T> T read(Work<T> work) {
        Session current = units.get();
        if (current != null) {
            return run(current, work);
        }
        Session session = borrow();
        boolean failed = true;
        try {
            T result = run(session, work);
            failed = false;
            return result;
        } finally {
            giveBack(session, failed);
        }
    }

    private <T> T run(Session session, Work<T> work) {
        try {
            return work.run(session);
        } catch (SQLException e) {
            throw failure("failed", e);
        }
    }

    private Session borrow() {
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
     * Returns the session to the pool; after a failure without its prepared statements, and with a
     * new connection when its own no longer works (a restarted database server).
     */
    private void giveBack(Session session, boolean failed) {
        Session returned = session;
        if (failed) {
            session.forgetStatements();
            try {
                if (!closed && !session.connection().isValid(5)) {
                    session.close();
                    returned = new Session(connector.connect());
                }
            } catch (SQLException e) {
                // The broken one goes back: its next user gets the error, and another replacement try.
            }
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (int i = 0; i < size; i++) {
                Session session = idle.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (session == null) {
                    break;
                }
                session.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
