package dev.trent.kms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A KMS key as stored: immutable; every change makes a new value, so a reader never sees a key
 * half-changed. Changes go through {@link #toBuilder()}.
 *
 * @param deletionDate set while the key is pending deletion
 * @param pendingWindowInDays the waiting period chosen when deletion was scheduled
 * @param tags in the order they were first set
 * @param materials every version of the key's material, oldest first
 * @param currentMaterialId the material new ciphertexts are made under; null while none was imported
 * @param rotation the key's automatic and on-demand rotation settings
 * @param multiRegion the key's place among its multi-Region related keys; null for a single-Region key
 * @param keyStore the custom key store that holds the key; null for keys of the AWS KMS key store
 */
public record KmsKey(
        Scope scope,
        String keyId,
        Instant creationDate,
        String description,
        KeyState state,
        KeySpec spec,
        KeyUsage usage,
        Origin origin,
        KeyManager manager,
        Instant deletionDate,
        Integer pendingWindowInDays,
        String policy,
        List<Tag> tags,
        List<KeyMaterial> materials,
        String currentMaterialId,
        KeyRotation rotation,
        MultiRegion multiRegion,
        KeyStoreBinding keyStore) {

    public KmsKey {
        tags = List.copyOf(tags);
        materials = List.copyOf(materials);
    }

    public String arn() {
        return scope.keyArn(keyId);
    }

    public boolean isMultiRegion() {
        return multiRegion != null;
    }

    /** The algorithms the key supports: those of its spec for its usage. */
    public Algorithms algorithms() {
        return spec.algorithms(usage);
    }

    public Optional<KeyMaterial> material(String materialId) {
        return materials.stream().filter(m -> m.id().equals(materialId)).findFirst();
    }

    public Optional<KeyMaterial> currentMaterial() {
        return currentMaterialId == null ? Optional.empty() : material(currentMaterialId);
    }

    /** The key in a new state; leaving PendingDeletion forgets the deletion date. */
    public KmsKey withState(KeyState newState) {
        return toBuilder().state(newState).deletionDate(null).pendingWindowInDays(null).build();
    }

    public KmsKey withPendingDeletion(Instant date, int windowInDays) {
        return toBuilder().state(KeyState.PENDING_DELETION).deletionDate(date).pendingWindowInDays(windowInDays)
                .build();
    }

    /**
     * A multi-Region primary scheduled for deletion while it still has replicas: its waiting period
     * is known, its deletion date is not until the last replica is deleted.
     */
    public KmsKey withPendingReplicaDeletion(int windowInDays) {
        return toBuilder().state(KeyState.PENDING_REPLICA_DELETION).deletionDate(null).pendingWindowInDays(windowInDays)
                .build();
    }

    /** A multi-Region primary that still has replicas, which AWS will not delete before them. */
    public boolean waitsForReplicas() {
        return isMultiRegion() && multiRegion.isPrimary() && multiRegion.hasReplicas();
    }

    /**
     * Whether a ciphertext or signature made by the key with this ARN is this key's to open: the
     * same key, or a related multi-Region key (same account, partition and key id), which shares
     * its key material.
     */
    public boolean sharesMaterialWith(KmsArn arn) {
        return arn().equals(arn.toString())
                || isMultiRegion() && arn.isKey() && keyId.equals(arn.name())
                        && scope.account().equals(arn.account()) && scope.partition().equals(arn.partition());
    }

    /**
     * The soonest date at which the clock makes something happen to the key: its deletion, its
     * next automatic rotation, or the expiry of imported material it holds; empty when none.
     */
    public Optional<Instant> nextDueDate() {
        Instant soonest = state == KeyState.PENDING_DELETION ? deletionDate : null;
        if (rotation.enabled()) {
            soonest = earlier(soonest, rotation.nextRotationDate());
        }
        for (KeyMaterial material : materials) {
            if (material.present() && material.imported() != null) {
                soonest = earlier(soonest, material.imported().validTo());
            }
        }
        return Optional.ofNullable(soonest);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }

    public KmsKey withDescription(String newDescription) {
        return toBuilder().description(newDescription).build();
    }

    public KmsKey withPolicy(String newPolicy) {
        return toBuilder().policy(newPolicy).build();
    }

    public KmsKey withTags(List<Tag> newTags) {
        return toBuilder().tags(newTags).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A changed copy of a key: set what changes, then {@link #build()}. */
    public static final class Builder {
        private Scope scope;
        private String keyId;
        private Instant creationDate;
        private String description;
        private KeyState state;
        private KeySpec spec;
        private KeyUsage usage;
        private Origin origin;
        private KeyManager manager;
        private Instant deletionDate;
        private Integer pendingWindowInDays;
        private String policy;
        private List<Tag> tags;
        private List<KeyMaterial> materials;
        private String currentMaterialId;
        private KeyRotation rotation;
        private MultiRegion multiRegion;
        private KeyStoreBinding keyStore;

        private Builder(KmsKey key) {
            scope = key.scope;
            keyId = key.keyId;
            creationDate = key.creationDate;
            description = key.description;
            state = key.state;
            spec = key.spec;
            usage = key.usage;
            origin = key.origin;
            manager = key.manager;
            deletionDate = key.deletionDate;
            pendingWindowInDays = key.pendingWindowInDays;
            policy = key.policy;
            tags = key.tags;
            materials = key.materials;
            currentMaterialId = key.currentMaterialId;
            rotation = key.rotation;
            multiRegion = key.multiRegion;
            keyStore = key.keyStore;
        }

        /** A replica lives in another scope (region) under the same key id. */
        public Builder scope(Scope value) {
            scope = value;
            return this;
        }

        public Builder creationDate(Instant value) {
            creationDate = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder state(KeyState value) {
            state = value;
            return this;
        }

        public Builder deletionDate(Instant value) {
            deletionDate = value;
            return this;
        }

        public Builder pendingWindowInDays(Integer value) {
            pendingWindowInDays = value;
            return this;
        }

        public Builder policy(String value) {
            policy = value;
            return this;
        }

        public Builder tags(List<Tag> value) {
            tags = value;
            return this;
        }

        public Builder materials(List<KeyMaterial> value) {
            materials = value;
            return this;
        }

        public Builder currentMaterialId(String value) {
            currentMaterialId = value;
            return this;
        }

        public Builder rotation(KeyRotation value) {
            rotation = value;
            return this;
        }

        public Builder multiRegion(MultiRegion value) {
            multiRegion = value;
            return this;
        }

        public Builder keyStore(KeyStoreBinding value) {
            keyStore = value;
            return this;
        }

        public KmsKey build() {
            return new KmsKey(scope, keyId, creationDate, description, state, spec, usage, origin, manager,
                    deletionDate, pendingWindowInDays, policy, tags, materials, currentMaterialId, rotation,
                    multiRegion, keyStore);
        }
    }
}
