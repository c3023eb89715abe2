package dev.trent.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a durable store in two steps: first it looks, changing nothing (the schema version, how
 * secrets are kept, the password), then it opens its connections and, in one transaction, creates
 * the tables of a new store or migrates an older one.
 */
final class StoreOpening {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOpening.class);

    private StoreOpening() {
    }

    /**
     * @param inspection the store's meta data, read without changing anything; empty when there is
     *     no store yet
     * @param where the store, as messages name it
     * @param onClose run once the store is closed, or when it fails to open
     */
    static SqlStore open(StoreSettings settings, Dialect dialect, Supplier<Optional<Map<String, String>>> inspection,
            Database.Connector connector, int connections, String where, boolean shared, Runnable onClose) {
        Database db = null;
        try {
            Optional<Map<String, String>> seen = inspection.get();
            Secrets unlocked = seen.map(meta -> StoreSecrets.unlock(meta, settings, where)).orElse(null);
            db = new Database(dialect, connector, connections, where);
            Database opened = db;
            Secrets secrets = db.atomically(List.of(), () -> opened.write(c -> {
                dialect.lockSchema(c);
                Optional<Map<String, String>> meta = Schema.meta(c, dialect, where);
                if (meta.isEmpty()) {
                    StoreSecrets.Keeping keeping = StoreSecrets.create(settings);
                    Schema.create(c, dialect, keeping.meta());
                    LOG.info("Created a new store {} (schema version {})", where, Schema.VERSION);
                    return keeping.secrets();
                }
                // Another process may have created the store, or changed its password, since it was looked at.
                Secrets current = meta.equals(seen) ? unlocked : StoreSecrets.unlock(meta.get(), settings, where);
                int version = Schema.version(meta.get(), where);
                if (version < Schema.VERSION) {
                    Schema.migrate(c, dialect, version);
                    LOG.info("Migrated the store {} from schema version {} to {}", where, version, Schema.VERSION);
                }
                return current;
            }));
            return new SqlStore(db, new ValueCodec(secrets), shared, onClose);
        } catch (RuntimeException | Error e) {
            if (db != null) {
                db.close();
            }
            onClose.run();
            throw e;
        }
    }
}
