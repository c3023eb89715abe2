package dev.trent.kms;

import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.Randomness;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Makes new keys: their ids, their first key material, their default policy. */
final class KeyFactory {
    private final Randomness random;
    private final Clock clock;

    KeyFactory(Randomness random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new key as the command describes it, its tags already checked. */
    KmsKey create(Scope requested, CreateKeyCommand command, KeyManager manager) {
        Scope scope = requested.shared();
        Instant now = clock.instant();
        List<Tag> tags = TagRules.merge(List.of(), command.tags());
        String keyId = command.multiRegion() ? "mrk-" + random.hex(16) : random.uuid();
        List<KeyMaterial> materials = List.of();
        String current = null;
        KeyState state = KeyState.PENDING_IMPORT;
        if (command.origin() != Origin.EXTERNAL) { // custom key stores' keys: the backend's material, simulated here
            KeyMaterial material = newMaterial(command.spec(), now);
            materials = List.of(material);
            current = material.id();
            state = KeyState.ENABLED;
        }
        String policy = command.policy() == null ? DefaultKeyPolicy.forScope(scope) : command.policy();
        MultiRegion multiRegion = command.multiRegion() ? MultiRegion.primaryIn(scope.region()) : null;
        return new KmsKey(scope, keyId, now, command.description(), state, command.spec(), command.usage(),
                command.origin(), manager, null, null, policy, tags, materials, current, KeyRotation.OFF, multiRegion,
                null);
    }

    private KeyMaterial newMaterial(KeySpec spec, Instant now) {
        GeneratedKey generated = spec.engine().generate();
        return KeyMaterial.generated(random.hex(32), generated.privateKey(), generated.publicKey(), now);
    }
}
