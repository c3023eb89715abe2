package dev.trent.kms;

import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.ImportedKeys;
import dev.trent.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys loaded whole from a key file at start-up: the file's keys and aliases go in as one change,
 * or none of them does. A key that exists already is left as it is, with its aliases.
 */
public final class KeyLoads {
    private static final Logger LOG = LoggerFactory.getLogger(KeyLoads.class);
    private static final Pattern ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");

    /** What a load did: the keys created, and those left as they were. */
    public record Result(List<KmsKey> created, List<KmsKey> existing) {
    }

    /** What a key file holds: keys, and the aliases, grants and custom key stores that go with them. */
    public record Load(List<KmsKey> keys, List<Alias> aliases, List<Grant> grants, List<CustomKeyStore> keyStores) {
        public Load {
            keys = List.copyOf(keys);
            aliases = List.copyOf(aliases);
            grants = List.copyOf(grants);
            keyStores = List.copyOf(keyStores);
        }
    }

    private final Store store;
    private final ScopeLocks locks;
    private final Consumer<List<KmsKey>> scheduler;

    KeyLoads(Store store, ScopeLocks locks, Consumer<List<KmsKey>> scheduler) {
        this.store = store;
        this.locks = locks;
        this.scheduler = scheduler;
    }

    /**
     * Loads the keys, their aliases and their grants (each naming a key of {@code keys} in its scope), each checked
     * with {@link #check} and {@link #checkAlias} beforehand: under the locks of every scope
     * involved and as one store unit, keys that exist are skipped, the others created with their
     * aliases and grants, and what they have due is scheduled.
     *
     * @throws KmsException (ALREADY_EXISTS) when an alias of a key to create is another key's already; nothing is changed
     */
    public Result load(Load load) {
        List<KmsKey> keys = load.keys();
        List<Alias> aliases = load.aliases();
        List<Grant> grants = load.grants();
        Set<Scope> scopes = new LinkedHashSet<>();
        keys.forEach(k -> scopes.add(k.scope()));
        aliases.forEach(a -> scopes.add(a.scope()));
        load.keyStores().forEach(k -> scopes.add(k.scope()));
        Result result = locks.writeAll(scopes, () -> {
            List<CustomKeyStore> newStores = newKeyStores(load.keyStores());
            Set<String> knownStores = new HashSet<>();
            load.keyStores().forEach(k -> knownStores.add(k.scope() + "/" + k.id()));
            List<KmsKey> created = new ArrayList<>();
            List<KmsKey> existing = new ArrayList<>();
            Set<String> skipped = new HashSet<>();
            for (KmsKey key : keys) {
                Optional<KmsKey> stored = store.key(key.scope(), key.keyId());
                if (stored.isPresent()) {
                    existing.add(stored.get());
                    skipped.add(key.arn());
                } else {
                    KeyStoreBinding binding = key.keyStore();
                    if (binding != null && !knownStores.contains(key.scope() + "/" + binding.customKeyStoreId())
                            && store.customKeyStore(key.scope(), binding.customKeyStoreId()).isEmpty()) {
                        throw new KmsException(ErrorCode.CUSTOM_KEY_STORE_NOT_FOUND, "key " + key.arn()
                                + " is in custom key store " + binding.customKeyStoreId() + ", which does not exist");
                    }
                    created.add(key.withTags(TagRules.merge(List.of(), key.tags()))); // in CreateKey's order
                }
            }
            List<Alias> added = new ArrayList<>();
            for (Alias alias : aliases) {
                if (skipped.contains(alias.scope().keyArn(alias.targetKeyId()))) {
                    continue; // the key is left as it is, its aliases with it
                }
                Optional<Alias> taken = store.alias(alias.scope(), alias.name());
                if (taken.isPresent()) {
                    throw new KmsException(ErrorCode.ALREADY_EXISTS, "alias " + alias.name() + " in account "
                            + alias.scope().account() + " region " + alias.scope().region()
                            + " already names key " + taken.get().targetKeyId());
                }
                added.add(alias);
            }
            // every check is done: only now is anything written
            newStores.forEach(store::putCustomKeyStore);
            created.forEach(store::putKey);
            added.forEach(store::putAlias);
            grants.stream().filter(g -> !skipped.contains(g.keyArn())).forEach(store::putGrant);
            return new Result(List.copyOf(created), List.copyOf(existing));
        });
        for (KmsKey key : result.existing()) {
            LOG.info("key {} exists, left as it is", key.arn());
        }
        for (KmsKey key : result.created()) {
            LOG.info("key {} loaded", key.arn());
        }
        scheduler.accept(result.created());
        return result;
    }

    /** The file's custom key stores that do not exist yet; a name another key store has fails the load. */
    private List<CustomKeyStore> newKeyStores(List<CustomKeyStore> keyStores) {
        List<CustomKeyStore> fresh = new ArrayList<>();
        for (CustomKeyStore keyStore : keyStores) {
            if (store.customKeyStore(keyStore.scope(), keyStore.id()).isPresent()) {
                LOG.info("custom key store {} in account {} region {} exists, left as it is", keyStore.id(),
                        keyStore.scope().account(), keyStore.scope().region());
                continue;
            }
            for (CustomKeyStore other : store.customKeyStores(keyStore.scope(), null, Integer.MAX_VALUE)) {
                if (other.name().equals(keyStore.name())) {
                    throw new KmsException(ErrorCode.CUSTOM_KEY_STORE_NAME_IN_USE, "custom key store name "
                            + keyStore.name() + " is already the name of " + other.id());
                }
            }
            fresh.add(keyStore);
        }
        return fresh;
    }

    /** What a loaded custom key store must have. */
    public static void check(CustomKeyStore keyStore) {
        if (!keyStore.id().matches("cks-[0-9a-f]{17}")) {
            throw new IllegalArgumentException("custom key store id '" + keyStore.id() + "' is not cks- and 17 hex digits");
        }
        if (keyStore.name() == null || keyStore.name().isEmpty()) {
            throw new IllegalArgumentException("custom key store " + keyStore.id() + " has no name");
        }
        if (keyStore.type() == CustomKeyStoreType.AWS_CLOUDHSM
                ? keyStore.cloudHsmClusterId() == null || keyStore.keyStorePassword() == null
                : keyStore.xksProxy() == null || keyStore.xksProxy().uriEndpoint() == null
                        || keyStore.xksProxy().accessKeyId() == null || keyStore.xksProxy().rawSecretAccessKey() == null) {
            throw new IllegalArgumentException("custom key store " + keyStore.id() + " lacks "
                    + (keyStore.type() == CustomKeyStoreType.AWS_CLOUDHSM ? "its cluster id or kmsuser password"
                            : "its proxy's endpoint, access key id or secret")
                    + " (secrets are exported only with --include-material)");
        }
    }

    /**
     * AWS's rules a loaded key must follow, as CreateKey (and ImportKeyMaterial) would enforce them.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void check(KmsKey key) {
        if (!Scope.isAccountId(key.scope().account())) {
            throw new IllegalArgumentException("account '" + key.scope().account() + "' is not a 12-digit account id");
        }
        if (!Scope.isRegion(key.scope().region())) {
            throw new IllegalArgumentException("region '" + key.scope().region() + "' is not an AWS region name");
        }
        if (!KeyResolver.isKeyId(key.keyId())) {
            throw new IllegalArgumentException("key id '" + key.keyId()
                    + "' is neither a lowercase UUID nor mrk- followed by 32 lowercase hex digits");
        }
        if (key.isMultiRegion() != key.keyId().startsWith("mrk-")) {
            throw new IllegalArgumentException(key.isMultiRegion()
                    ? "a multi-Region key's id starts with mrk-" : "only multi-Region keys have ids starting with mrk-");
        }
        if (key.isMultiRegion() && !key.multiRegion().regions().contains(key.scope().region())) {
            throw new IllegalArgumentException("multi-Region key in " + key.scope().region()
                    + " is neither its primary nor one of its replicas");
        }
        if (!key.spec().allows(key.usage())) {
            throw new IllegalArgumentException("KeyUsage " + key.usage() + " is not compatible with KeySpec " + key.spec());
        }
        try {
            key.spec().requireAvailableIn(key.scope(), "KeySpec");
            TagRules.validate(key.tags());
            TagRules.merge(List.of(), key.tags());
        } catch (KmsException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        try {
            KeyPolicies.validate(key.policy());
        } catch (KmsException e) {
            throw new IllegalArgumentException("the policy is not a key policy document (a JSON object with a Statement)");
        }
        boolean inKeyStore = key.origin() == Origin.AWS_CLOUDHSM || key.origin() == Origin.EXTERNAL_KEY_STORE;
        if (inKeyStore != (key.keyStore() != null)) {
            throw new IllegalArgumentException(inKeyStore ? "a key of origin " + key.origin() + " needs its keyStore"
                    : "only keys of origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE are in a custom key store");
        }
        if (inKeyStore && (key.spec() != KeySpec.SYMMETRIC_DEFAULT || key.isMultiRegion())) {
            throw new IllegalArgumentException("custom key stores hold single-Region symmetric encryption keys only");
        }
        checkMaterials(key);
        checkState(key);
        if (key.rotation().enabled() && (key.spec() != KeySpec.SYMMETRIC_DEFAULT || key.origin() != Origin.AWS_KMS)) {
            throw new IllegalArgumentException("only symmetric encryption keys of origin AWS_KMS rotate automatically");
        }
        if (key.rotation().enabled() && (key.rotation().periodInDays() == null || key.rotation().periodInDays() < 90
                || key.rotation().periodInDays() > 2560 || key.rotation().nextRotationDate() == null)) {
            throw new IllegalArgumentException("rotation needs a period of 90 to 2560 days and a next rotation date");
        }
    }

    private static void checkMaterials(KmsKey key) {
        Set<String> ids = new HashSet<>();
        for (KeyMaterial material : key.materials()) {
            if (!material.id().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("material id '" + material.id() + "' is not 64 lowercase hex digits");
            }
            if (!ids.add(material.id())) {
                throw new IllegalArgumentException("material " + material.id() + " appears twice");
            }
            if (material.present()) {
                Optional<GeneratedKey> read = ImportedKeys.read(key.spec().name(), material.secret());
                if (read.isEmpty() && ImportedKeys.importable(key.spec().name())) {
                    throw new IllegalArgumentException("material " + material.id() + " is not valid for KeySpec "
                            + key.spec());
                }
            } else if (material.imported() == null) {
                throw new IllegalArgumentException("material " + material.id() + " has no secret");
            }
            if (material.imported() != null && key.origin() != Origin.EXTERNAL) {
                throw new IllegalArgumentException("only keys of origin EXTERNAL have imported material");
            }
        }
        if (key.currentMaterialId() != null && !ids.contains(key.currentMaterialId())) {
            throw new IllegalArgumentException("the current material " + key.currentMaterialId() + " is not one of the key's");
        }
        if (key.currentMaterialId() == null && !key.materials().isEmpty()) {
            throw new IllegalArgumentException("a key with materials needs a current one");
        }
        if (key.materials().isEmpty() && key.origin() != Origin.EXTERNAL) {
            throw new IllegalArgumentException("a key of origin " + key.origin() + " needs key material");
        }
    }

    private static void checkState(KmsKey key) {
        boolean hasMaterial = key.currentMaterial().filter(KeyMaterial::present).isPresent();
        switch (key.state()) {
            case ENABLED, DISABLED -> {
                if (!hasMaterial) {
                    throw new IllegalArgumentException("a key in state " + key.state().awsName()
                            + " needs current key material; a key of origin EXTERNAL without it is PendingImport");
                }
            }
            case PENDING_IMPORT -> {
                if (hasMaterial) {
                    throw new IllegalArgumentException("a key in state PendingImport has no current key material");
                }
            }
            case PENDING_DELETION -> {
                if (key.deletionDate() == null || key.pendingWindowInDays() == null) {
                    throw new IllegalArgumentException("a key in state PendingDeletion needs a deletion date "
                            + "and a pending window");
                }
            }
            case PENDING_REPLICA_DELETION -> {
                if (!key.waitsForReplicas() || key.pendingWindowInDays() == null) {
                    throw new IllegalArgumentException("a key in state PendingReplicaDeletion is a multi-Region "
                            + "primary key with replicas, and needs a pending window");
                }
            }
            default -> throw new IllegalArgumentException("state " + key.state().awsName() + " cannot be loaded");
        }
        if (key.state() != KeyState.PENDING_DELETION && key.deletionDate() != null) {
            throw new IllegalArgumentException("only a key in state PendingDeletion has a deletion date");
        }
    }

    /** AWS's rules for an alias name of a loaded key: {@code alias/aws/} names AWS managed keys, and only them. */
    public static void checkAlias(String name, KeyManager manager) {
        if (!ALIAS.matcher(name).matches()) {
            throw new IllegalArgumentException("alias '" + name + "' is not alias/ followed by letters, digits, /, _ or -");
        }
        if (AwsManagedKeys.isAwsAlias(name) != (manager == KeyManager.AWS)) {
            throw new IllegalArgumentException(manager == KeyManager.AWS
                    ? "alias '" + name + "' of an AWS managed key must start with alias/aws/"
                    : "alias '" + name + "' is reserved for AWS managed keys");
        }
    }

    /**
     * The id of a loaded material, as for imported material ({@link KeyMaterials#importedId}):
     * the same key id and material give the same id in every Trent that loads them.
     */
    public static String materialId(String keyId, GeneratedKey material) {
        return KeyMaterials.importedId(keyId, material.publicKey() != null ? material.publicKey() : material.privateKey());
    }

    /** New material of the spec, generated as CreateKey would: for hand-written entries that give none. */
    public static GeneratedKey generate(KeySpec spec) {
        return spec.engine().generate();
    }
}
