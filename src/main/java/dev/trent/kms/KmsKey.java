package dev.trent.kms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A KMS key as stored: immutable; every change makes a new value, so a reader never sees a key
 * half-changed.
 *
 * @param deletionDate set while the key is pending deletion
 * @param pendingWindowInDays the waiting period chosen when deletion was scheduled
 * @param tags in the order they were first set
 * @param materials every version of the key's material, oldest first
 * @param currentMaterialId the material new ciphertexts are made under; null while none was imported
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
        boolean multiRegion,
        Instant deletionDate,
        Integer pendingWindowInDays,
        String policy,
        List<Tag> tags,
        List<KeyMaterial> materials,
        String currentMaterialId) {

    public KmsKey {
        tags = List.copyOf(tags);
        materials = List.copyOf(materials);
    }

    public String arn() {
        return scope.keyArn(keyId);
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

    public KmsKey withState(KeyState newState) {
        return new KmsKey(scope, keyId, creationDate, description, newState, spec, usage, origin, manager,
                multiRegion, null, null, policy, tags, materials, currentMaterialId);
    }

    public KmsKey withPendingDeletion(Instant date, int windowInDays) {
        return new KmsKey(scope, keyId, creationDate, description, KeyState.PENDING_DELETION, spec, usage, origin,
                manager, multiRegion, date, windowInDays, policy, tags, materials, currentMaterialId);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(scope, keyId, creationDate, newDescription, state, spec, usage, origin, manager,
                multiRegion, deletionDate, pendingWindowInDays, policy, tags, materials, currentMaterialId);
    }

    public KmsKey withPolicy(String newPolicy) {
        return new KmsKey(scope, keyId, creationDate, description, state, spec, usage, origin, manager,
                multiRegion, deletionDate, pendingWindowInDays, newPolicy, tags, materials, currentMaterialId);
    }

    public KmsKey withTags(List<Tag> newTags) {
        return new KmsKey(scope, keyId, creationDate, description, state, spec, usage, origin, manager,
                multiRegion, deletionDate, pendingWindowInDays, policy, newTags, materials, currentMaterialId);
    }
}
