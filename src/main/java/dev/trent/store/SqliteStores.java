package dev.trent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: {@code trent.db} in the data directory, in WAL mode with full synchronous
 * commits (a change acknowledged is on disk), and {@code trent.lock}, held while the store is open,
 * so that a second Trent process is refused rather than let in to write beside the first.
 */
final class SqliteStores {
    static final String DATABASE = "trent.db";
    static final String LOCK = "trent.lock";
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Readers run beside the one writer (WAL); a handful of connections serve Trent's request threads. */
    private static final int CONNECTIONS = 4;

    private SqliteStores() {
    }

    static Store open(StoreSettings settings) {
        Path dir = settings.dataDir().toAbsolutePath();
        String where = "in " + dir;
        FileLock lock = lock(dir, where);
        Path file = dir.resolve(DATABASE);
        String url = "jdbc:sqlite:" + file;
        return StoreOpening.open(settings, Dialect.SQLITE, () -> inspect(file, url, where), () -> {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(30_000);
            return config.createConnection(url);
        }, CONNECTIONS, where, false, () -> release(lock));
    }

    private static FileLock lock(Path dir, String where) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StoreException("The data directory " + dir + " is a file; give a directory");
            }
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StoreException("The store " + where + " is in use by another Trent (it holds "
                        + dir.resolve(LOCK) + "); stop that one first, or give another --data directory");
            }
            return lock;
        } catch (IOException e) {
            throw new StoreException("The data directory " + dir + " cannot be used: " + e, e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // The process's end releases it anyway.
        }
    }

    /** Reads the store's meta data through a read-only connection: the file stays as it is. */
    private static Optional<Map<String, String>> inspect(Path file, String url, String where) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        checkHeader(file, where);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        boolean hadWal = Files.exists(wal);
        boolean hadShm = Files.exists(shm);
        try {
            return inspectReadOnly(file, url, where);
        } finally {
            // A read-only connection to a WAL database makes -wal and -shm and cannot remove them: this
            // process holds trent.lock, so no one else uses them; remove what the look made (empty WAL only).
            try {
                if (!hadWal && Files.exists(wal) && Files.size(wal) == 0) {
                    Files.delete(wal);
                    if (!hadShm) {
                        Files.deleteIfExists(shm);
                    }
                }
            } catch (IOException e) {
                // left as they are: SQLite takes them up again on the next start
            }
        }
    }

    private static Optional<Map<String, String>> inspectReadOnly(Path file, String url, String where) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection(url)) {
            try (Statement statement = connection.createStatement();
                    ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                String result = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw corrupt(file, where, result);
                }
            }
            return Schema.meta(connection, Dialect.SQLITE, where);
        } catch (SQLException e) {
            throw corrupt(file, where, e.getMessage());
        }
    }

    private static void checkHeader(Path file, String where) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(HEADER.length);
            if (start.length > 0 && !Arrays.equals(start, HEADER)) {
                throw new StoreException("The store " + where + " cannot be opened: " + file
                        + " is not an SQLite database. It was left as it is; restore it from a backup, or give "
                        + "another --data directory");
            }
        } catch (IOException e) {
            throw new StoreException("The store " + where + " cannot be read: " + e, e);
        }
    }

    private static StoreException corrupt(Path file, String where, String detail) {
        return new StoreException("The store " + where + " is corrupt: " + file + " fails SQLite's check ("
                + detail + "). It was left as it is; restore it from a backup, or give another --data directory");
    }
}
