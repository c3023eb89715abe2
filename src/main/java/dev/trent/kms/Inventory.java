package dev.trent.kms;

import dev.trent.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What Trent holds, read by its operator (the web console) rather than by a KMS caller: every
 * scope's keys, aliases, grants and custom key stores, with no access check and no change. Keys
 * read here are shown as a KMS caller would see them ({@link CustomKeyStores#asSeen}), and custom key
 * stores as they are now. Secret material is the caller's to leave out: the values returned are
 * the domain's own.
 */
public final class Inventory {
    private static final int SCAN_PAGE = 1000;

    private final Store store;
    private final CustomKeyStores customKeyStores;
    private final KeyRotations rotations;
    private final Clock clock;

    Inventory(Store store, CustomKeyStores customKeyStores, KeyRotations rotations, Clock clock) {
        this.store = store;
        this.customKeyStores = customKeyStores;
        this.rotations = rotations;
        this.clock = clock;
    }

    /** Every account and Region holding a key, an alias or a custom key store, in account then Region order. */
    public List<Scope> scopes() {
        return store.scopes();
    }

    /** Every key of the scope, in key id order. */
    public List<KmsKey> keys(Scope scope) {
        return all((after, count) -> store.keys(scope, after, count), KmsKey::keyId).stream()
                .map(customKeyStores::asSeen)
                .toList();
    }

    public Optional<KmsKey> key(Scope scope, String keyId) {
        return store.key(scope, keyId).map(customKeyStores::asSeen);
    }

    /** Every alias of the scope, in name order; AWS's predefined aliases only once their key was made. */
    public List<Alias> aliases(Scope scope) {
        return all((after, count) -> store.aliases(scope, after, count), Alias::name);
    }

    public List<Alias> aliasesOf(KmsKey key) {
        return store.aliasesOf(key.scope(), key.keyId());
    }

    public List<Grant> grantsOf(KmsKey key) {
        return store.grantsOf(key.scope(), key.keyId());
    }

    /** What GetKeyRotationStatus would answer, for every key (those that cannot rotate report false). */
    public KeyRotations.Status rotationStatus(KmsKey key) {
        return rotations.statusOf(key);
    }

    /** Every version of the key's material, oldest first, with the state ListKeyRotations gives it. */
    public List<KeyRotations.Entry> materials(KmsKey key) {
        return key.materials().stream()
                .map(material -> new KeyRotations.Entry(key, material, KeyMaterials.state(key, material)))
                .toList();
    }

    public Optional<KeyLastUsage> lastUsage(KmsKey key) {
        return store.lastUsage(key.scope(), key.keyId());
    }

    /** Every custom key store of the scope, in id order, as it is now (a connection attempt may have ended). */
    public List<CustomKeyStore> customKeyStores(Scope scope) {
        return all((after, count) -> store.customKeyStores(scope, after, count), CustomKeyStore::id).stream()
                .map(keyStore -> keyStore.at(clock.instant()))
                .toList();
    }

    private static <T> List<T> all(BiFunction<String, Integer, List<T>> page, Function<T, String> id) {
        List<T> all = new ArrayList<>();
        String after = null;
        for (List<T> items = page.apply(null, SCAN_PAGE); !items.isEmpty(); items = page.apply(after, SCAN_PAGE)) {
            all.addAll(items);
            after = id.apply(items.get(items.size() - 1));
            if (items.size() < SCAN_PAGE) {
                break;
            }
        }
        return all;
    }
}
