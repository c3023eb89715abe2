package dev.trent.kms;

import dev.trent.crypto.Randomness;
import dev.trent.crypto.SymmetricCipher;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The KMS domain, wired: every AWS rule about keys, aliases, tags, policies and their use. */
public final class Kms {
    private final Keys keys;
    private final Aliases aliases;
    private final KeyTags tags;
    private final KeyPolicies policies;
    private final Cryptography cryptography;
    private final Signatures signatures;
    private final Macs macs;
    private final KeyAgreements keyAgreements;
    private final Encapsulations encapsulations;
    private final PublicKeys publicKeys;
    private final KeyUsageLog usage;
    private final KeyRotations rotations;
    private final KeyImports imports;
    private final MultiRegionKeys multiRegionKeys;
    private final Grants grants;
    private final CustomKeyStores customKeyStores;
    private final KeyLoads loads;
    private final KeyAccess access;
    private final Resets resets;
    private final Inventory inventory;
    private static final long SHARED_SCAN_INTERVAL_NANOS = 1_000_000_000L;
    private final Store store;
    private final Clock clock;
    private final AtomicLong lastSharedScan = new AtomicLong(Long.MIN_VALUE / 2);

    public Kms(Store store, Clock clock, Randomness random) {
        this(store, clock, random, AccessMode.OWN_ACCOUNT);
    }

    public Kms(Store store, Clock clock, Randomness random, AccessMode accessMode) {
        ScopeLocks locks = new ScopeLocks(store);
        this.access = new KeyAccess(accessMode, store, clock);
        KeyFactory factory = new KeyFactory(random, clock);
        this.customKeyStores = new CustomKeyStores(store, locks, clock, random, access);
        KeyResolver resolver = new KeyResolver(store, locks, new AwsManagedKeys(factory), customKeyStores, access);
        RelatedKeys related = new RelatedKeys(store, locks);
        this.keys = new Keys(store, locks, resolver, factory, new KeySchedule(), related, clock, customKeyStores, access);
        this.aliases = new Aliases(store, locks, resolver, clock, access);
        this.tags = new KeyTags(keys, resolver);
        this.policies = new KeyPolicies(keys, resolver, access);
        this.cryptography = new Cryptography(resolver, new SymmetricCipher(random), random, customKeyStores, access);
        this.signatures = new Signatures(resolver);
        this.macs = new Macs(resolver);
        this.keyAgreements = new KeyAgreements(resolver);
        this.encapsulations = new Encapsulations(resolver);
        this.publicKeys = new PublicKeys(resolver);
        this.usage = new KeyUsageLog(store, resolver, clock);
        KeyMaterials materials = new KeyMaterials(store);
        this.multiRegionKeys = new MultiRegionKeys(resolver, related, clock, access);
        this.rotations = new KeyRotations(store, locks, resolver, keys, materials, multiRegionKeys, random, clock);
        this.imports = new KeyImports(store, locks, resolver, materials, random, clock);
        this.grants = new Grants(store, locks, resolver, clock, random, access);
        this.loads = new KeyLoads(store, locks, this::scheduleFrom);
        this.resets = new Resets(store, locks);
        this.inventory = new Inventory(store, customKeyStores, rotations, clock);
        this.store = store;
        this.clock = clock;
        scheduleFrom(store.keysDueBy(Instant.MAX));
    }

    /** Puts the dates of keys read from the store (deletions, rotations, expiries) on the domain's schedules. */
    private void scheduleFrom(List<KmsKey> stored) {
        for (KmsKey key : stored) {
            keys.scheduleFrom(key);
            rotations.scheduleFrom(key);
            imports.scheduleFrom(key);
        }
    }

    /**
     * Carries out what the clock has made due (deletions, automatic rotations, expiries of imported
     * material, each at its date); called before each request.
     */
    public void catchUp() {
        if (store.shared()) {
            lookForDatesSetElsewhere();
        }
        keys.deleteDue();
        rotations.rotateDue();
        imports.expireDue();
    }

    /**
     * Other processes sharing the store schedule deletions, rotations and expiries this one never
     * heard of: at most every {@link #SHARED_SCAN_INTERVAL_NANOS} of Trent's clock, the keys with a date already
     * passed are read and scheduled (the schedules ignore what was done meanwhile).
     */
    private void lookForDatesSetElsewhere() {
        long now = clock.millis() * 1_000_000L; // Trent's clock: a moved clock looks at once
        long last = lastSharedScan.get();
        if (now - last >= SHARED_SCAN_INTERVAL_NANOS && lastSharedScan.compareAndSet(last, now)) {
            scheduleFrom(store.keysDueBy(clock.instant()));
        }
    }

    public KeyRotations rotations() {
        return rotations;
    }

    public KeyImports imports() {
        return imports;
    }

    public Keys keys() {
        return keys;
    }

    public Aliases aliases() {
        return aliases;
    }

    public KeyTags tags() {
        return tags;
    }

    public KeyPolicies policies() {
        return policies;
    }

    public Cryptography cryptography() {
        return cryptography;
    }

    public Signatures signatures() {
        return signatures;
    }

    public Macs macs() {
        return macs;
    }

    public KeyAgreements keyAgreements() {
        return keyAgreements;
    }

    public Encapsulations encapsulations() {
        return encapsulations;
    }

    public PublicKeys publicKeys() {
        return publicKeys;
    }

    public KeyUsageLog usage() {
        return usage;
    }

    public MultiRegionKeys multiRegionKeys() {
        return multiRegionKeys;
    }

    public Grants grants() {
        return grants;
    }

    public CustomKeyStores customKeyStores() {
        return customKeyStores;
    }

    public KeyAccess access() {
        return access;
    }

    public KeyLoads loads() {
        return loads;
    }

    public Resets resets() {
        return resets;
    }

    /** The operator's read-only view of everything held (the web console's). */
    public Inventory inventory() {
        return inventory;
    }
}
