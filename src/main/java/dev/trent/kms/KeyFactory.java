package dev.trent.kms;

import dev.trent.crypto.Randomness;
import java.time.Clock;
import java.util.List;

/** Makes new keys: their ids, their first key material, their default policy. */
final class KeyFactory {
    private static final int SYMMETRIC_KEY_BYTES = 32;

    private final Randomness random;
    private final Clock clock;

    KeyFactory(Randomness random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    record NewKey(KeySpec spec, KeyUsage usage, Origin origin, KeyManager manager, boolean multiRegion,
            String description, String policy, List<Tag> tags) {
    }

    KmsKey create(Scope scope, NewKey spec) {
        String keyId = spec.multiRegion() ? "mrk-" + random.hex(16) : random.uuid();
        List<KeyMaterial> materials = List.of();
        String current = null;
        KeyState state = KeyState.PENDING_IMPORT;
        if (spec.origin() == Origin.AWS_KMS) {
            KeyMaterial material = newMaterial();
            materials = List.of(material);
            current = material.id();
            state = KeyState.ENABLED;
        }
        String policy = spec.policy() == null ? DefaultKeyPolicy.forScope(scope) : spec.policy();
        return new KmsKey(scope, keyId, clock.instant(), spec.description(), state, spec.spec(), spec.usage(),
                spec.origin(), spec.manager(), spec.multiRegion(), null, null, policy, spec.tags(), materials, current);
    }

    private KeyMaterial newMaterial() {
        return new KeyMaterial(random.hex(32), random.bytes(SYMMETRIC_KEY_BYTES), clock.instant());
    }
}
