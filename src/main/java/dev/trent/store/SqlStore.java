package dev.trent.store;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store: SQLite in a data directory, or PostgreSQL shared by several Trent processes.
 * Each method mirrors {@link InMemoryStore}'s; values are kept whole, encoded and with their secrets
 * sealed by the {@link ValueCodec}.
 */
final class SqlStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqlStore.class);
    private static final String KEY = " WHERE account = ? AND region = ? AND key_id = ?";

    private final Database db;
    private final ValueCodec codec;
    private final boolean shared;
    private final Runnable onClose;
    private final KeyCache keys = new KeyCache();
    private final LastUsageBuffer lastUses = new LastUsageBuffer();
    private final ScheduledExecutorService flusher;
    private boolean closed;

    /**
     * @param shared whether other processes change the database too
     * @param onClose run once the connections are closed (releases the data directory's lock)
     */
    SqlStore(Database db, ValueCodec codec, boolean shared, Runnable onClose) {
        this.db = db;
        this.codec = codec;
        this.shared = shared;
        this.onClose = onClose;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "trent-store-last-usage");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    Database database() {
        return db;
    }

    ValueCodec codec() {
        return codec;
    }

    @Override
    public <T> T atomically(Collection<Scope> scopes, Supplier<T> change) {
        return db.atomically(scopes, change);
    }

    @Override
    public boolean shared() {
        return shared;
    }

    @Override
    public List<Scope> scopes() {
        return db.read(c -> Sql.list(c, "SELECT account, region FROM trent_keys UNION SELECT account, region FROM "
                + "trent_aliases UNION SELECT account, region FROM trent_custom_key_stores ORDER BY account, region",
                Sql.of(), row -> new Scope(row.getString(1), row.getString(2))));
    }

    // Keys

    @Override
    public Optional<KmsKey> key(Scope scope, String keyId) {
        long cached = keys.revision(scope, keyId);
        return db.read(c -> {
            Optional<Long> revision = Sql.one(c, "SELECT revision, CASE WHEN revision = ? THEN NULL ELSE body END "
                    + "FROM trent_keys" + KEY, Sql.of(cached, scope.account(), scope.region(), keyId), row -> {
                        long found = row.getLong(1);
                        byte[] body = row.getBytes(2);
                        if (body != null) {
                            keys.put(decodeKey(scope, keyId, body), found);
                        }
                        return found;
                    });
            if (revision.isEmpty()) {
                keys.remove(scope, keyId);
                return Optional.empty();
            }
            KmsKey key = keys.get(scope, keyId, revision.get());
            // Another thread cached another revision meanwhile: read it whole.
            return key != null ? Optional.of(key) : Sql.one(c, "SELECT " + KEY_ROW + " FROM trent_keys" + KEY,
                    Sql.of(scope.account(), scope.region(), keyId), this::keyOfRow);
        });
    }

    /** The columns {@link #keyOfRow} reads. */
    private static final String KEY_ROW = "account, region, key_id, revision, body";

    private KmsKey keyOfRow(ResultSet row) throws SQLException {
        Scope scope = new Scope(row.getString(1), row.getString(2));
        String keyId = row.getString(3);
        long revision = row.getLong(4);
        KmsKey cached = keys.get(scope, keyId, revision);
        if (cached != null) {
            return cached;
        }
        KmsKey key = decodeKey(scope, keyId, row.getBytes(5));
        keys.put(key, revision);
        return key;
    }

    /** The key stored in the row of this scope and key id: a value moved from another row is refused. */
    private KmsKey decodeKey(Scope scope, String keyId, byte[] body) {
        KmsKey key = codec.decodeKey(body);
        if (!key.scope().equals(scope) || !key.keyId().equals(keyId)) {
            throw new StoreException("The store's row of key " + scope.keyArn(keyId) + " holds key " + key.arn()
                    + ". The store was tampered with.");
        }
        return key;
    }

    @Override
    public void putKey(KmsKey key) {
        long revision = KeyCache.newRevision();
        byte[] body = codec.encode(key);
        Instant due = key.nextDueDate().orElse(null);
        db.write(c -> Sql.update(c, "INSERT INTO trent_keys (account, region, key_id, revision, due_s, due_n, body) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, key_id) DO UPDATE SET "
                + "revision = excluded.revision, due_s = excluded.due_s, due_n = excluded.due_n, body = excluded.body",
                statement -> {
                    Sql.of(key.scope().account(), key.scope().region(), key.keyId(), revision).set(statement);
                    Dates.set(statement, 5, due);
                    statement.setBytes(7, body);
                }));
        keys.put(key, revision);
    }

    @Override
    public void deleteKey(Scope scope, String keyId) {
        db.write(c -> {
            for (String table : List.of("trent_keys", "trent_last_usage", "trent_grants")) {
                Sql.update(c, "DELETE FROM " + table + KEY, Sql.of(scope.account(), scope.region(), keyId));
            }
            return null;
        });
        keys.remove(scope, keyId);
        lastUses.forget(scope, keyId);
    }

    @Override
    public List<KmsKey> keys(Scope scope, String afterKeyId, int limit) {
        return page(KEY_ROW, "trent_keys", "key_id", scope, afterKeyId, limit, this::keyOfRow);
    }

    /** Up to {@code limit} rows of the scope in {@code column} order, after {@code after} (null: from the first). */
    private <T> List<T> page(String columns, String table, String column, Scope scope, String after, int limit,
            Sql.Row<T> row) {
        return db.read(c -> Sql.list(c, "SELECT " + columns + " FROM " + table + " WHERE account = ? AND region = ? "
                + "AND " + column + " > ? ORDER BY " + column + " LIMIT ?",
                Sql.of(scope.account(), scope.region(), after == null ? "" : after, limit), row));
    }

    @Override
    public List<KmsKey> keysDueBy(Instant by) {
        return db.read(c -> Sql.list(c, "SELECT " + KEY_ROW + " FROM trent_keys WHERE " + Dates.before("due", true)
                + " ORDER BY account, region, key_id", statement -> Dates.setBefore(statement, 1, by),
                this::keyOfRow));
    }

    private boolean keyExists(Session c, Scope scope, String keyId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM trent_keys" + KEY, Sql.of(scope.account(), scope.region(), keyId),
                row -> true).isPresent();
    }

    // Last usage

    @Override
    public Optional<KeyLastUsage> lastUsage(Scope scope, String keyId) {
        KeyLastUsage pending = lastUses.get(scope, keyId);
        return db.read(c -> {
            if (!keyExists(c, scope, keyId)) {
                return Optional.empty();
            }
            Optional<KeyLastUsage> written = Sql.one(c, "SELECT operation, used_s, used_n, event_id, request_id "
                    + "FROM trent_last_usage" + KEY, Sql.of(scope.account(), scope.region(), keyId),
                    row -> new KeyLastUsage(row.getString(1), Dates.get(row, 2), row.getString(4),
                            row.getString(5)));
            // Another process sharing the store may have written a later use.
            return Optional.ofNullable(LastUsageBuffer.later(pending, written.orElse(null)));
        });
    }

    /** Kept in memory, written within a second (and on close): no disk write per cryptographic operation. */
    @Override
    public void putLastUsage(Scope scope, String keyId, KeyLastUsage use) {
        lastUses.put(scope, keyId, use);
    }

    /** Writes the pending last uses of keys that still exist, each unless a later one is written already. */
    void flushLastUsage() {
        if (lastUses.isEmpty()) {
            return;
        }
        Map<LastUsageBuffer.Ref, KeyLastUsage> pending = lastUses.snapshot();
        db.write(c -> {
            for (Map.Entry<LastUsageBuffer.Ref, KeyLastUsage> entry : pending.entrySet()) {
                Scope scope = entry.getKey().scope();
                String keyId = entry.getKey().keyId();
                KeyLastUsage use = entry.getValue();
                if (!keyExists(c, scope, keyId)) {
                    continue;
                }
                Sql.update(c, "INSERT INTO trent_last_usage (account, region, key_id, operation, used_s, used_n, "
                        + "event_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, key_id) "
                        + "DO UPDATE SET operation = excluded.operation, used_s = excluded.used_s, "
                        + "used_n = excluded.used_n, event_id = excluded.event_id, request_id = excluded.request_id "
                        + "WHERE excluded.used_s > trent_last_usage.used_s "
                        + "OR (excluded.used_s = trent_last_usage.used_s "
                        + "AND excluded.used_n >= trent_last_usage.used_n)", statement -> {
                            Sql.of(scope.account(), scope.region(), keyId, use.operation()).set(statement);
                            Dates.set(statement, 5, use.timestamp());
                            statement.setString(7, use.cloudTrailEventId());
                            statement.setString(8, use.requestId());
                        });
            }
            return null;
        });
        lastUses.written(pending);
    }

    private void flushQuietly() {
        try {
            flushLastUsage();
        } catch (RuntimeException e) {
            LOG.warn("Cannot write the keys' last uses yet, will try again: {}", e.getMessage());
        }
    }

    // Aliases

    @Override
    public Optional<Alias> alias(Scope scope, String name) {
        return db.read(c -> Sql.one(c, "SELECT body FROM trent_aliases WHERE account = ? AND region = ? AND name = ?",
                Sql.of(scope.account(), scope.region(), name), row -> codec.decodeAlias(row.getBytes(1))));
    }

    @Override
    public void putAlias(Alias alias) {
        db.write(c -> Sql.update(c, "INSERT INTO trent_aliases (account, region, name, target_key_id, body) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, region, name) DO UPDATE SET "
                + "target_key_id = excluded.target_key_id, body = excluded.body",
                Sql.of(alias.scope().account(), alias.scope().region(), alias.name(), alias.targetKeyId(),
                        codec.encode(alias))));
    }

    @Override
    public void deleteAlias(Scope scope, String name) {
        db.write(c -> Sql.update(c, "DELETE FROM trent_aliases WHERE account = ? AND region = ? AND name = ?",
                Sql.of(scope.account(), scope.region(), name)));
    }

    @Override
    public List<Alias> aliases(Scope scope, String afterName, int limit) {
        return page("body", "trent_aliases", "name", scope, afterName, limit, row -> codec.decodeAlias(row.getBytes(1)));
    }

    @Override
    public List<Alias> aliasesOf(Scope scope, String keyId) {
        return db.read(c -> Sql.list(c, "SELECT body FROM trent_aliases WHERE account = ? AND region = ? "
                + "AND target_key_id = ? ORDER BY name", Sql.of(scope.account(), scope.region(), keyId),
                row -> codec.decodeAlias(row.getBytes(1))));
    }

    // Grants

    @Override
    public Optional<Grant> grant(Scope scope, String keyId, String grantId) {
        return db.read(c -> Sql.one(c, "SELECT body FROM trent_grants" + KEY + " AND grant_id = ?",
                Sql.of(scope.account(), scope.region(), keyId, grantId), row -> codec.decodeGrant(row.getBytes(1))));
    }

    @Override
    public void putGrant(Grant grant) {
        Scope scope = grant.scope();
        db.write(c -> keyExists(c, scope, grant.keyId()) ? Sql.update(c, "INSERT INTO trent_grants (account, region, "
                + "key_id, grant_id, retiring_principal, retiring_service_principal, body) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, key_id, grant_id) DO UPDATE SET "
                + "retiring_principal = excluded.retiring_principal, "
                + "retiring_service_principal = excluded.retiring_service_principal, body = excluded.body",
                Sql.of(scope.account(), scope.region(), grant.keyId(), grant.grantId(), grant.retiringPrincipal(),
                        grant.retiringServicePrincipal(), codec.encode(grant))) : 0);
    }

    @Override
    public void deleteGrant(Scope scope, String keyId, String grantId) {
        db.write(c -> Sql.update(c, "DELETE FROM trent_grants" + KEY + " AND grant_id = ?",
                Sql.of(scope.account(), scope.region(), keyId, grantId)));
    }

    @Override
    public List<Grant> grantsOf(Scope scope, String keyId) {
        return db.read(c -> Sql.list(c, "SELECT body FROM trent_grants" + KEY + " ORDER BY grant_id",
                Sql.of(scope.account(), scope.region(), keyId), row -> codec.decodeGrant(row.getBytes(1))));
    }

    @Override
    public int grantCount(Scope scope, String keyId) {
        return db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM trent_grants" + KEY,
                Sql.of(scope.account(), scope.region(), keyId), row -> row.getInt(1)).orElse(0));
    }

    @Override
    public List<Grant> grantsRetirableBy(String region, String retiringPrincipal, String retiringServicePrincipal) {
        String condition = retiringPrincipal != null ? "retiring_principal = ?"
                : retiringServicePrincipal != null ? "retiring_service_principal = ?"
                : "retiring_service_principal IS NULL";
        Object[] values = retiringPrincipal != null ? new Object[] {region, retiringPrincipal}
                : retiringServicePrincipal != null ? new Object[] {region, retiringServicePrincipal}
                : new Object[] {region};
        return db.read(c -> Sql.list(c, "SELECT body FROM trent_grants WHERE region = ? AND " + condition
                + " ORDER BY grant_id", Sql.of(values), row -> codec.decodeGrant(row.getBytes(1))));
    }

    // Custom key stores

    @Override
    public Optional<CustomKeyStore> customKeyStore(Scope scope, String id) {
        return db.read(c -> Sql.one(c, "SELECT body FROM trent_custom_key_stores WHERE account = ? AND region = ? "
                + "AND id = ?", Sql.of(scope.account(), scope.region(), id),
                row -> codec.decodeCustomKeyStore(row.getBytes(1))));
    }

    @Override
    public void putCustomKeyStore(CustomKeyStore keyStore) {
        db.write(c -> Sql.update(c, "INSERT INTO trent_custom_key_stores (account, region, id, body) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (account, region, id) DO UPDATE SET body = excluded.body",
                Sql.of(keyStore.scope().account(), keyStore.scope().region(), keyStore.id(), codec.encode(keyStore))));
    }

    @Override
    public void deleteCustomKeyStore(Scope scope, String id) {
        db.write(c -> Sql.update(c, "DELETE FROM trent_custom_key_stores WHERE account = ? AND region = ? AND id = ?",
                Sql.of(scope.account(), scope.region(), id)));
    }

    @Override
    public List<CustomKeyStore> customKeyStores(Scope scope, String afterId, int limit) {
        return page("body", "trent_custom_key_stores", "id", scope, afterId, limit,
                row -> codec.decodeCustomKeyStore(row.getBytes(1)));
    }

    // Reset

    /** Every table holding values of a scope: all of them have its account and region. */
    private static final List<String> SCOPED_TABLES = List.of("trent_keys", "trent_aliases", "trent_grants",
            "trent_custom_key_stores", "trent_last_usage", "trent_import_tokens");

    @Override
    public void clear(Scope scope) {
        db.write(c -> {
            for (String table : SCOPED_TABLES) {
                Sql.update(c, "DELETE FROM " + table + " WHERE account = ? AND region = ?",
                        Sql.of(scope.account(), scope.region()));
            }
            return null;
        });
        keys.removeScope(scope);
        lastUses.forgetScope(scope);
    }

    @Override
    public void clearAll() {
        db.write(c -> {
            for (String table : SCOPED_TABLES) {
                Sql.update(c, "DELETE FROM " + table, Sql.of());
            }
            return null;
        });
        keys.clear();
        lastUses.clear();
    }

    // Import tokens

    @Override
    public Optional<ImportToken> importToken(String tokenId) {
        return db.read(c -> Sql.one(c, "SELECT body FROM trent_import_tokens WHERE token_id = ?", Sql.of(tokenId),
                row -> codec.decodeImportToken(row.getBytes(1))));
    }

    @Override
    public void putImportToken(ImportToken token) {
        byte[] body = codec.encode(token);
        db.write(c -> Sql.update(c, "INSERT INTO trent_import_tokens (token_id, account, region, key_id, valid_s, "
                + "valid_n, body) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_id) DO UPDATE SET "
                + "account = excluded.account, region = excluded.region, key_id = excluded.key_id, "
                + "valid_s = excluded.valid_s, valid_n = excluded.valid_n, body = excluded.body", statement -> {
                    Sql.of(token.id(), token.scope().account(), token.scope().region(), token.keyId()).set(statement);
                    Dates.set(statement, 5, token.validTo());
                    statement.setBytes(7, body);
                }));
    }

    @Override
    public void deleteImportTokensExpiredBefore(Instant date) {
        db.write(c -> Sql.update(c, "DELETE FROM trent_import_tokens WHERE " + Dates.before("valid", false),
                statement -> Dates.setBefore(statement, 1, date)));
    }

    /** Writes the pending last uses, closes the connections, then releases the store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flushLastUsage();
        } catch (RuntimeException e) {
            LOG.warn("The keys' last uses since the last second are lost: {}", e.getMessage());
        } finally {
            db.close();
            onClose.run();
        }
    }
}
