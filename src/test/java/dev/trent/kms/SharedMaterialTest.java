package dev.trent.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trent.crypto.EncryptionAlgorithm;
import dev.trent.crypto.Randomness;
import dev.trent.store.InMemoryStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiRegionKeys#shareWithReplicas}: what a rotation of a multi-Region primary calls so that
 * its replicas share the new material and rotation settings. No operation rotates keys yet, so the
 * rotation is made here in the store, as the rotation code will make it.
 */
class SharedMaterialTest {
    private static final Scope PRIMARY = new Scope("111122223333", "us-east-1");
    private static final Scope REPLICA = new Scope("111122223333", "eu-west-1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final Kms kms = new Kms(store, clock, new Randomness());

    @Test
    void replicasTakeThePrimarysNewMaterialAndRotationSettings() {
        KmsKey primary = kms.keys().create(Requester.root(PRIMARY), command(Origin.AWS_KMS));
        kms.multiRegionKeys().replicate(Requester.root(PRIMARY), primary.keyId(), REPLICA.region(), null, null, List.of(), false);
        KmsKey rotated = rotate(primary.keyId());
        byte[] plaintext = randomBytes(50);
        byte[] ciphertext = kms.cryptography().encrypt(Requester.root(PRIMARY), primary.keyId(), plaintext, Map.of(), null, false)
                .ciphertext();
        // Before the rotation is shared, the replica does not have the material the ciphertext names.
        assertThat(catchThrowableOfType(() -> decryptInReplica(ciphertext), KmsException.class).code())
                .isEqualTo(ErrorCode.INVALID_CIPHERTEXT);

        kms.multiRegionKeys().shareWithReplicas(PRIMARY, primary.keyId());

        KmsKey replica = store.key(REPLICA, primary.keyId()).orElseThrow();
        assertThat(replica.materials()).isEqualTo(rotated.materials());
        assertThat(replica.currentMaterialId()).isEqualTo(rotated.currentMaterialId());
        assertThat(replica.rotation()).isEqualTo(rotated.rotation());
        assertThat(decryptInReplica(ciphertext)).isEqualTo(plaintext);
        // What the replica's own state, policy and tags are stays its own.
        assertThat(replica.state()).isEqualTo(KeyState.ENABLED);
        assertThat(replica.scope()).isEqualTo(REPLICA);
        assertThat(replica.multiRegion().type()).isEqualTo(MultiRegionKeyType.REPLICA);
    }

    @Test
    void replicasOfImportedKeysTakeTheRotationSettingsButNotTheMaterial() {
        KmsKey primary = kms.keys().create(Requester.root(PRIMARY), command(Origin.EXTERNAL));
        kms.multiRegionKeys().replicate(Requester.root(PRIMARY), primary.keyId(), REPLICA.region(), null, null, List.of(), false);
        KmsKey rotated = rotate(primary.keyId());

        kms.multiRegionKeys().shareWithReplicas(PRIMARY, primary.keyId());

        KmsKey replica = store.key(REPLICA, primary.keyId()).orElseThrow();
        assertThat(replica.rotation()).isEqualTo(rotated.rotation());
        assertThat(replica.materials()).isEmpty();
        assertThat(replica.state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void sharingASingleRegionKeyChangesNothing() {
        KmsKey key = kms.keys().create(Requester.root(PRIMARY), new CreateKeyCommand("", KeySpec.SYMMETRIC_DEFAULT, null,
                Origin.AWS_KMS, false, null, List.of(), null, null, false));

        kms.multiRegionKeys().shareWithReplicas(PRIMARY, key.keyId());

        assertThat(store.key(PRIMARY, key.keyId())).contains(key);
    }

    private byte[] decryptInReplica(byte[] ciphertext) {
        return kms.cryptography().decrypt(Requester.root(REPLICA), ciphertext, Map.of(), null, EncryptionAlgorithm.SYMMETRIC_DEFAULT,
                false, false).plaintext();
    }

    /** A rotation of the primary as the rotation code makes one: a new current material, rotation on. */
    private KmsKey rotate(String keyId) {
        KmsKey key = store.key(PRIMARY, keyId).orElseThrow();
        Instant now = clock.instant();
        KeyMaterial material = new KeyMaterial(HexFormat.of().formatHex(randomBytes(32)), randomBytes(32), null, now,
                new MaterialRotation(RotationType.ON_DEMAND, now), null);
        List<KeyMaterial> materials = new ArrayList<>(key.materials());
        materials.add(material);
        KmsKey rotated = key.toBuilder()
                .materials(materials)
                .currentMaterialId(key.origin() == Origin.EXTERNAL ? key.currentMaterialId() : material.id())
                .rotation(new KeyRotation(true, 90, now.plusSeconds(90L * 86_400), null))
                .build();
        store.putKey(rotated);
        return rotated;
    }

    private static CreateKeyCommand command(Origin origin) {
        return new CreateKeyCommand("", KeySpec.SYMMETRIC_DEFAULT, null, origin, true, null, List.of(), null, null, false);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
