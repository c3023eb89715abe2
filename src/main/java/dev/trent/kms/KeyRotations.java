package dev.trent.kms;

import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.Randomness;
import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Rotation of key material: automatic rotation on a period, on-demand rotation, and the record
 * of past rotations. Only symmetric encryption keys outside custom key stores rotate, as on AWS;
 * imported ones only on demand, into material imported for it beforehand.
 */
public final class KeyRotations {
    static final int DEFAULT_PERIOD_DAYS = 365;
    /** AWS: "You can perform on-demand key rotation a maximum of 25 times per KMS key." */
    static final int ON_DEMAND_LIMIT = 25;
    /** AWS refuses on-demand rotation while an automatic one is this close. */
    static final Duration CONFLICT_WINDOW = Duration.ofMinutes(20);
    private static final int LIST_PAGE = 100;

    /** What GetKeyRotationStatus reports; the period and dates only where AWS gives them. */
    public record Status(KmsKey key, boolean enabled, Integer periodInDays, Instant nextRotationDate,
            Instant onDemandStartDate) {
    }

    /** One entry of ListKeyRotations. */
    public record Entry(KmsKey key, KeyMaterial material, KeyMaterialState state) {
    }

    private final Store store;
    private final ScopeLocks locks;
    private final KeyResolver resolver;
    private final Keys keys;
    private final KeyMaterials materials;
    private final MultiRegionKeys multiRegionKeys;
    private final Randomness random;
    private final Clock clock;
    private final KeySchedule due = new KeySchedule();
    /** Keys whose rotation came due while they were not enabled: they rotate when enabled again. */
    private final Set<KeySchedule.Entry> waiting = ConcurrentHashMap.newKeySet();

    KeyRotations(Store store, ScopeLocks locks, KeyResolver resolver, Keys keys, KeyMaterials materials,
            MultiRegionKeys multiRegionKeys, Randomness random, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.resolver = resolver;
        this.keys = keys;
        this.materials = materials;
        this.multiRegionKeys = multiRegionKeys;
        this.random = random;
        this.clock = clock;
    }

    public void enable(Requester requester, String keyId, Integer periodInDays) {
        int days = periodInDays == null ? DEFAULT_PERIOD_DAYS : periodInDays;
        String action = "kms:EnableKeyRotation";
        requireAutomaticRotation(resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, action));
        KmsKey changed = keys.change(requester, keyId, action, KeyStateRule.ENABLED,
                key -> key.toBuilder().rotation(enabled(key.rotation(), days)).build());
        due.add(changed.rotation().nextRotationDate(), changed);
        shareWithReplicas(changed);
    }

    /**
     * Replicas share their primary's material and rotation settings. They are updated after the
     * primary's lock is released, since their scopes' locks are taken in a fixed order of their own.
     */
    private void shareWithReplicas(KmsKey primary) {
        if (primary.isMultiRegion()) {
            multiRegionKeys.shareWithReplicas(primary.scope(), primary.keyId());
        }
    }

    /**
     * Enabling again with another period keeps the date the schedule started from, as AWS
     * counts the new period from the last rotation; a date already past rotates at once.
     */
    private KeyRotation enabled(KeyRotation current, int days) {
        Instant now = clock.instant();
        if (current.enabled()) {
            Instant last = current.nextRotationDate().minus(current.period());
            return KeyRotation.every(days, last.plus(Duration.ofDays(days)));
        }
        return KeyRotation.every(days, now.plus(Duration.ofDays(days)));
    }

    public void disable(Requester requester, String keyId) {
        String action = "kms:DisableKeyRotation";
        requireAutomaticRotation(resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, action));
        shareWithReplicas(keys.change(requester, keyId, action, KeyStateRule.ENABLED,
                key -> key.toBuilder().rotation(key.rotation().disabled()).build()));
    }

    public Status status(Requester requester, String keyId) {
        return statusOf(resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetKeyRotationStatus"));
    }

    /** GetKeyRotationStatus's answer for a key already resolved (and authorized, where that applies). */
    Status statusOf(KmsKey key) {
        if (key.manager() == KeyManager.AWS) { // AWS rotates its managed keys every year, not configurable
            return new Status(key, true, DEFAULT_PERIOD_DAYS, yearlyAfter(key.creationDate()), null);
        }
        KeyRotation rotation = key.rotation();
        // keys that cannot rotate automatically, and keys pending deletion, report false
        if (!rotatesAutomatically(key) || key.state() == KeyState.PENDING_DELETION || !rotation.enabled()) {
            return new Status(key, false, null, null, rotation.onDemandStartDate());
        }
        return new Status(key, true, rotation.periodInDays(), rotation.nextRotationDate(),
                rotation.onDemandStartDate());
    }

    private Instant yearlyAfter(Instant created) {
        Duration year = Duration.ofDays(DEFAULT_PERIOD_DAYS);
        Instant next = created.plus(year);
        Instant now = clock.instant();
        while (!next.isAfter(now)) {
            next = next.plus(year);
        }
        return next;
    }

    /** Rotates now; Trent completes the rotation before answering, so none is ever left in progress. */
    public KmsKey rotateOnDemand(Requester requester, String keyId) {
        Scope scope = requester.scope();
        KmsKey named = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:RotateKeyOnDemand");
        requireRotation(named);
        requirePrimary(named);
        KmsKey rotated = locks.write(named.scope(), () -> {
            KmsKey key = resolver.key(named.scope(), named.keyId());
            KeyStateRule.ENABLED.check(key);
            if (KeyMaterials.onDemandRotations(key) >= ON_DEMAND_LIMIT) {
                throw new KmsException(ErrorCode.LIMIT_EXCEEDED, "The on-demand rotations limit has been reached for "
                        + "the given keyId. No more on-demand rotations can be performed for this key: " + key.arn());
            }
            Instant now = clock.instant();
            KeyRotation rotation = key.rotation();
            if (rotation.enabled() && rotation.nextRotationDate().isBefore(now.plus(CONFLICT_WINDOW))) {
                throw new KmsException(ErrorCode.CONFLICT, "An automatic rotation of " + key.arn()
                        + " is in progress or scheduled to begin within the next 20 minutes.");
            }
            MaterialRotation how = new MaterialRotation(RotationType.ON_DEMAND, now);
            if (key.origin() == Origin.EXTERNAL) {
                KeyMaterial pending = key.materials().stream()
                        .filter(m -> KeyMaterials.isPendingRotation(key, m) && m.present())
                        .findFirst()
                        .orElseThrow(() -> new KmsException(ErrorCode.INVALID_STATE, key.arn()
                                + " has no imported key material in the PENDING_ROTATION state."));
                return materials.makeCurrent(key, pending, how);
            }
            return materials.makeCurrent(key, newMaterial(key, now), how);
        });
        shareWithReplicas(rotated);
        return rotated;
    }

    public Page<Entry> list(Requester requester, String keyId, IncludeKeyMaterial include, Integer limit, String marker) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListKeyRotations");
        requireRotation(key);
        boolean all = include == IncludeKeyMaterial.ALL_KEY_MATERIAL;
        List<KeyMaterial> versions = key.materials();
        // the sort key of an entry is its place among the key's materials, which only ever grow at the end
        List<String> places = IntStream.range(0, versions.size())
                .filter(i -> all || versions.get(i).rotation() != null)
                .mapToObj(i -> String.format("%08d", i))
                .toList();
        Page<String> page = Paging.page("rotations", marker, limit, LIST_PAGE, places, place -> place);
        return new Page<>(page.items().stream()
                .map(place -> versions.get(Integer.parseInt(place)))
                .map(material -> new Entry(key, material, KeyMaterials.state(key, material)))
                .toList(), page.nextMarker());
    }

    /**
     * Carries out the automatic rotations the clock has made due, each at its date: a clock that
     * jumped several periods rotates several times. A key that is not enabled when its date comes
     * waits, and rotates once when enabled again, as AWS does.
     */
    void rotateDue() {
        Instant now = clock.instant();
        for (var entry = due.pollDue(now); entry.isPresent(); entry = due.pollDue(now)) {
            KeySchedule.Entry e = entry.get();
            locks.write(e.scope(), () -> store.key(e.scope(), e.keyId()).ifPresent(key -> rotateIfDue(key, now, e)));
            store.key(e.scope(), e.keyId()).ifPresent(this::shareWithReplicas);
        }
        for (KeySchedule.Entry e : waiting) {
            // most requests find the waiting keys still disabled: look before taking the scope's lock
            if (store.key(e.scope(), e.keyId()).filter(key -> key.state() != KeyState.ENABLED
                    && key.rotation().enabled()).isPresent()) {
                continue;
            }
            locks.write(e.scope(), () -> {
                var key = store.key(e.scope(), e.keyId());
                if (key.isEmpty() || !key.get().rotation().enabled()) {
                    waiting.remove(e);
                } else if (key.get().state() == KeyState.ENABLED) {
                    waiting.remove(e);
                    KmsKey rotated = materials.makeCurrent(key.get(), newMaterial(key.get(), now),
                            new MaterialRotation(RotationType.AUTOMATIC, now));
                    schedule(rotated, now.plus(rotated.rotation().period()));
                }
            });
            store.key(e.scope(), e.keyId()).ifPresent(this::shareWithReplicas);
        }
    }

    private void rotateIfDue(KmsKey key, Instant now, KeySchedule.Entry entry) {
        KeyRotation rotation = key.rotation();
        if (!rotation.enabled() || rotation.nextRotationDate().isAfter(now)) {
            return; // disabled since, or rescheduled: a later entry stands for the new date
        }
        if (key.state() != KeyState.ENABLED) {
            waiting.add(new KeySchedule.Entry(rotation.nextRotationDate(), entry.scope(), entry.keyId()));
            return;
        }
        KmsKey current = key;
        Instant date = rotation.nextRotationDate();
        while (!date.isAfter(now)) {
            current = materials.makeCurrent(current, newMaterial(current, date),
                    new MaterialRotation(RotationType.AUTOMATIC, date));
            date = date.plus(rotation.period());
        }
        schedule(current, date);
    }

    /**
     * Schedules the key's next automatic rotation, if it has one: for keys read from the store.
     * Replicas rotate with their primary, never on their own.
     */
    void scheduleFrom(KmsKey key) {
        KeyRotation rotation = key.rotation();
        if (rotation.enabled() && rotation.nextRotationDate() != null
                && (!key.isMultiRegion() || key.multiRegion().isPrimary())) {
            due.add(rotation.nextRotationDate(), key);
        }
    }

    private void schedule(KmsKey key, Instant next) {
        KmsKey changed = key.toBuilder().rotation(KeyRotation.every(key.rotation().periodInDays(), next)).build();
        store.putKey(changed);
        due.add(next, changed);
    }

    private KeyMaterial newMaterial(KmsKey key, Instant created) {
        GeneratedKey generated = key.spec().engine().generate();
        return KeyMaterial.generated(random.hex(32), generated.privateKey(), generated.publicKey(), created);
    }

    private static boolean rotatesAutomatically(KmsKey key) {
        return key.spec() == KeySpec.SYMMETRIC_DEFAULT && key.keyStore() == null && key.origin() == Origin.AWS_KMS;
    }

    /** EnableKeyRotation and DisableKeyRotation: symmetric keys with material KMS generated. */
    private static void requireAutomaticRotation(KmsKey key) {
        requireRotation(key);
        if (key.origin() == Origin.EXTERNAL) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    key.arn() + " origin is EXTERNAL which is not valid for this operation.");
        }
        requirePrimary(key);
    }

    /**
     * Symmetric encryption keys outside custom key stores; AWS answers the others without a
     * message (recorded for RotateKeyOnDemand on an RSA key).
     */
    private static void requireRotation(KmsKey key) {
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT || key.keyStore() != null) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, null);
        }
    }

    /** The related multi-Region keys rotate together, set on their primary key. */
    private static void requirePrimary(KmsKey key) {
        if (key.isMultiRegion() && key.multiRegion().type() == MultiRegionKeyType.REPLICA) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, key.arn()
                    + " is a multi-Region replica key. Rotation of related multi-Region keys is managed on their"
                    + " primary key.");
        }
    }
}
