package dev.trent.store;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where keys and aliases are kept. Writes replace whole values; the domain serializes the writes
 * to one scope, and groups the writes of one change in {@link #atomically}, which a durable store
 * commits as one transaction.
 */
public interface Store extends AutoCloseable {

    /**
     * Runs a change to these scopes as one unit: a durable store commits all its writes together,
     * or none, before returning, and serializes it with the changes other processes sharing the
     * store make to the same scopes. Called by the domain with its own locks of these scopes held;
     * a call within a change on the same thread joins that change.
     */
    default <T> T atomically(Collection<Scope> scopes, Supplier<T> change) {
        return change.get();
    }

    /**
     * Whether other processes change this store too: Trent then looks for the dates (deletions,
     * rotations, expiries) they set, as it cannot learn of them otherwise.
     */
    default boolean shared() {
        return false;
    }

    /** Every account and region holding a key, an alias or a custom key store, in account then region order. */
    List<Scope> scopes();

    Optional<KmsKey> key(Scope scope, String keyId);

    /** Inserts or replaces the key with this scope and key id. */
    void putKey(KmsKey key);

    /** Deletes the key and everything stored about it (its grants too) but its aliases. */
    void deleteKey(Scope scope, String keyId);

    Optional<KeyLastUsage> lastUsage(Scope scope, String keyId);

    /** Replaces the key's last use; ignored when the key no longer exists. */
    void putLastUsage(Scope scope, String keyId, KeyLastUsage use);

    /** Up to {@code limit} keys of the scope in key id order, after {@code afterKeyId} (null: from the first). */
    List<KmsKey> keys(Scope scope, String afterKeyId, int limit);

    /**
     * Every key, in any scope, with something due ({@link KmsKey#nextDueDate()}) not after {@code by}:
     * read at start-up to schedule deletions, rotations and expiries.
     */
    List<KmsKey> keysDueBy(Instant by);

    Optional<Alias> alias(Scope scope, String name);

    /** Inserts or replaces the alias with this scope and name. */
    void putAlias(Alias alias);

    void deleteAlias(Scope scope, String name);

    /** Up to {@code limit} aliases of the scope in name order, after {@code afterName} (null: from the first). */
    List<Alias> aliases(Scope scope, String afterName, int limit);

    /** The aliases of the scope that point to the key. */
    List<Alias> aliasesOf(Scope scope, String keyId);

    /** The grant with this id on the key. */
    Optional<Grant> grant(Scope scope, String keyId, String grantId);

    /** Inserts or replaces the grant with this scope, key id and grant id; ignored when the key no longer exists. */
    void putGrant(Grant grant);

    void deleteGrant(Scope scope, String keyId, String grantId);

    /** Every grant on the key, in grant id order. */
    List<Grant> grantsOf(Scope scope, String keyId);

    int grantCount(Scope scope, String keyId);

    /**
     * Every grant on the keys of any account in the region whose retiring principal is
     * {@code retiringPrincipal}, or whose retiring service principal is {@code retiringServicePrincipal}
     * (one of the two is null), in grant id order.
     */
    List<Grant> grantsRetirableBy(String region, String retiringPrincipal, String retiringServicePrincipal);

    Optional<CustomKeyStore> customKeyStore(Scope scope, String id);

    /** Inserts or replaces the custom key store with this scope and id. */
    void putCustomKeyStore(CustomKeyStore keyStore);

    void deleteCustomKeyStore(Scope scope, String id);

    /** Up to {@code limit} custom key stores of the scope in id order, after {@code afterId} (null: from the first). */
    List<CustomKeyStore> customKeyStores(Scope scope, String afterId, int limit);

    Optional<ImportToken> importToken(String tokenId);

    void putImportToken(ImportToken token);

    /** Forgets the import tokens whose validity ended before {@code date}. */
    void deleteImportTokensExpiredBefore(Instant date);

    /**
     * Forgets everything of one account and region: keys (their tags, policies, materials and last
     * uses with them), aliases, grants, custom key stores and import tokens. For the test-control
     * API's reset; called by the domain with the scope's lock held.
     */
    void clear(Scope scope);

    /** Forgets everything of every account and region, as {@link #clear(Scope)} does for one. */
    void clearAll();

    /** Releases what the store holds open (files, connections); nothing in memory survives it. */
    @Override
    default void close() {
    }
}
