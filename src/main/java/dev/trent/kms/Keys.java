package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The life of a key: creation, description, enabling, disabling, deletion. */
public final class Keys {
    static final int DEFAULT_PENDING_WINDOW_DAYS = 30;
    private static final int MIN_PENDING_WINDOW_DAYS = 7;

    private final Store store;
    private final ScopeLocks locks;
    private final KeyResolver resolver;
    private final KeyFactory factory;
    private final KeySchedule deletions;
    private final RelatedKeys related;
    private final Clock clock;
    private final CustomKeyStores customKeyStores;

    private final KeyAccess access;

    Keys(Store store, ScopeLocks locks, KeyResolver resolver, KeyFactory factory, KeySchedule deletions,
            RelatedKeys related, Clock clock, CustomKeyStores customKeyStores, KeyAccess access) {
        this.access = access;
        this.store = store;
        this.locks = locks;
        this.resolver = resolver;
        this.factory = factory;
        this.deletions = deletions;
        this.related = related;
        this.clock = clock;
        this.customKeyStores = customKeyStores;
    }

    public KmsKey create(Requester requester, CreateKeyCommand request) {
        access.checkWithoutKey(requester, "kms:CreateKey");
        if (!request.tags().isEmpty()) {
            access.checkWithoutKey(requester, "kms:TagResource"); // AWS asks for both to tag a new key
        }
        Scope scope = requester.scope();
        CreateKeyCommand command = request.usage() != null ? request : request.withUsage(defaultUsage(request.spec()));
        if (!command.spec().allows(command.usage())) {
            throw KmsException.validation("KeyUsage " + command.usage() + " is not compatible with KeySpec "
                    + command.spec());
        }
        command.spec().requireAvailableIn(scope, "KeySpec");
        if (command.xksKeyId() != null && command.customKeyStoreId() == null) {
            throw KmsException.validation("XksKeyId is only valid with the CustomKeyStoreId of an external key store.");
        }
        if (command.customKeyStoreId() == null
                && (command.origin() == Origin.AWS_CLOUDHSM || command.origin() == Origin.EXTERNAL_KEY_STORE)) {
            throw KmsException.validation("CustomKeyStoreId is required when Origin is " + command.origin());
        }
        if (command.policy() != null) {
            KeyPolicies.validate(command.policy());
        }
        TagRules.validate(command.tags());
        KmsKey created = factory.create(scope, command, KeyManager.CUSTOMER);
        if (command.policy() != null) {
            access.checkLockout(requester, created, command.policy(), command.bypassPolicyLockoutSafetyCheck());
        }
        return locks.write(scope, () -> {
            KmsKey key = created;
            if (command.customKeyStoreId() != null) {
                key = key.toBuilder().keyStore(customKeyStores.bind(scope, command)).build();
            }
            store.putKey(key);
            return key;
        });
    }

    /** Only symmetric encryption keys have a usage AWS picks for them. */
    private static KeyUsage defaultUsage(KeySpec spec) {
        if (spec != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsException.validation(
                    "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        }
        return KeyUsage.ENCRYPT_DECRYPT;
    }

    public KmsKey describe(Requester requester, String keyId) {
        return resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:DescribeKey");
    }

    public Page<KmsKey> list(Requester requester, Integer limit, String marker) {
        access.checkWithoutKey(requester, "kms:ListKeys");
        Scope scope = requester.scope();
        return Paging.page("keys", marker, limit, 100, (after, count) -> store.keys(scope, after, count),
                KmsKey::keyId);
    }

    public void enable(Requester requester, String keyId) {
        change(requester, keyId, "kms:EnableKey", KeyStateRule.HAS_MATERIAL, key -> key.withState(KeyState.ENABLED));
    }

    public void disable(Requester requester, String keyId) {
        change(requester, keyId, "kms:DisableKey", KeyStateRule.HAS_MATERIAL, key -> key.withState(KeyState.DISABLED));
    }

    public void updateDescription(Requester requester, String keyId, String description) {
        change(requester, keyId, "kms:UpdateKeyDescription", KeyStateRule.NOT_PENDING_DELETION,
                key -> key.withDescription(description));
    }

    public KmsKey scheduleDeletion(Requester requester, String keyId, Integer pendingWindowInDays) {
        int days = pendingWindowInDays == null ? DEFAULT_PENDING_WINDOW_DAYS : pendingWindowInDays;
        if (days < MIN_PENDING_WINDOW_DAYS || days > DEFAULT_PENDING_WINDOW_DAYS) {
            throw KmsException.validation("PendingWindowInDays must be between " + MIN_PENDING_WINDOW_DAYS
                    + " and " + DEFAULT_PENDING_WINDOW_DAYS);
        }
        KmsKey scheduled = change(requester, keyId, "kms:ScheduleKeyDeletion", KeyStateRule.NOT_PENDING_DELETION,
                key -> key.waitsForReplicas() ? key.withPendingReplicaDeletion(days)
                        : key.withPendingDeletion(clock.instant().plus(Duration.ofDays(days)), days));
        if (scheduled.deletionDate() != null) {
            scheduleDeletion(scheduled);
        }
        return scheduled;
    }

    public KmsKey cancelDeletion(Requester requester, String keyId) {
        return change(requester, keyId, "kms:CancelKeyDeletion", KeyStateRule.PENDING_DELETION, key -> {
            if (key.deletionDate() != null) {
                deletions.remove(key.deletionDate(), key);
            }
            // imported material deleted or expired while pending deletion leaves the key waiting for an import
            boolean hasMaterial = key.currentMaterial().filter(KeyMaterial::present).isPresent();
            return key.withState(hasMaterial ? KeyState.DISABLED : KeyState.PENDING_IMPORT);
        });
    }

    /** Deletes the keys whose deletion date the clock has passed, with their aliases. */
    void deleteDue() {
        Instant now = clock.instant();
        for (var due = deletions.pollDue(now); due.isPresent(); due = deletions.pollDue(now)) {
            KeySchedule.Entry entry = due.get();
            Optional<KmsKey> stored = store.key(entry.scope(), entry.keyId());
            if (stored.isPresent() && stored.get().isMultiRegion()) {
                try {
                    deleteRelated(stored.get(), now);
                } catch (KmsException e) {
                    if (e.code() != ErrorCode.NOT_FOUND) { // not found: deleted meanwhile, nothing left to do
                        throw e;
                    }
                }
                continue;
            }
            locks.write(entry.scope(), () -> store.key(entry.scope(), entry.keyId())
                    .filter(key -> isDue(key, now))
                    .ifPresent(key -> {
                        store.aliasesOf(key.scope(), key.keyId())
                                .forEach(alias -> store.deleteAlias(alias.scope(), alias.name()));
                        store.deleteKey(key.scope(), key.keyId());
                    }));
        }
    }

    private static boolean isDue(KmsKey key, Instant now) {
        return key.state() == KeyState.PENDING_DELETION && !key.deletionDate().isAfter(now);
    }

    /** Deletes a multi-Region key; its related keys' configuration and deletion follow (see {@link RelatedKeys}). */
    private void deleteRelated(KmsKey due, Instant now) {
        String region = due.scope().region();
        related.write(due, List.of(), family -> {
            family.in(region).filter(key -> isDue(key, now)).flatMap(family::deleteMember).ifPresent(this::scheduleDeletion);
            return null;
        });
    }

    /** Schedules the key's deletion if it is pending deletion: for keys read from the store. */
    void scheduleFrom(KmsKey key) {
        if (key.state() == KeyState.PENDING_DELETION && key.deletionDate() != null) {
            scheduleDeletion(key);
        }
    }

    private void scheduleDeletion(KmsKey key) {
        deletions.add(key.deletionDate(), key);
    }

    /**
     * Applies a change to a customer managed key named by key id or key ARN, under the scope's lock,
     * after the operation's key state rule.
     */
    KmsKey change(Requester requester, String keyId, String action, KeyStateRule rule,
            UnaryOperator<KmsKey> change) {
        Scope scope = requester.scope();
        KmsKey named = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, action);
        return locks.write(named.scope(), () -> {
            KmsKey key = resolver.key(named.scope(), named.keyId());
            rule.check(key);
            KmsKey changed = change.apply(key);
            store.putKey(changed);
            return changed;
        });
    }
}
