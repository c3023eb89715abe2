package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** Rotating a multi-Region primary key: its replicas share the new material and the rotation settings. */
class MultiRegionRotationTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("shared across regions");

    private final KmsClient primaryRegion = trent.kms();
    private final KmsClient replicaRegion = trent.client(TrentServer.ACCOUNT, TrentServer.OTHER_REGION);

    private String replicatedKey() {
        String keyId = primaryRegion.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
        primaryRegion.replicateKey(b -> b.keyId(keyId).replicaRegion(TrentServer.OTHER_REGION));
        return keyId;
    }

    @Test
    void an_on_demand_rotation_of_the_primary_reaches_the_replica() {
        String keyId = replicatedKey();
        String before = primaryRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId();

        primaryRegion.rotateKeyOnDemand(b -> b.keyId(keyId));

        String after = primaryRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId();
        assertThat(after).isNotEqualTo(before);
        assertThat(replicaRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId())
                .isEqualTo(after);
        // a ciphertext under the new material, made in the primary's region, opens in the replica's
        SdkBytes blob = primaryRegion.encrypt(b -> b.keyId(keyId).plaintext(MESSAGE)).ciphertextBlob();
        assertThat(replicaRegion.decrypt(b -> b.ciphertextBlob(blob)).plaintext()).isEqualTo(MESSAGE);
        assertThat(replicaRegion.listKeyRotations(b -> b.keyId(keyId)).rotations())
                .extracting(r -> r.keyMaterialId()).containsExactly(after);
    }

    @Test
    void automatic_rotation_settings_and_rotations_are_shared_and_replicas_refuse_to_change_them() {
        String keyId = replicatedKey();
        primaryRegion.enableKeyRotation(b -> b.keyId(keyId).rotationPeriodInDays(90));

        GetKeyRotationStatusResponse status = replicaRegion.getKeyRotationStatus(b -> b.keyId(keyId));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(90);
        assertThat(status.nextRotationDate())
                .isEqualTo(primaryRegion.getKeyRotationStatus(b -> b.keyId(keyId)).nextRotationDate());
        assertAwsError(() -> replicaRegion.enableKeyRotation(b -> b.keyId(keyId)),
                UnsupportedOperationException.class, "UnsupportedOperationException");
        assertAwsError(() -> replicaRegion.rotateKeyOnDemand(b -> b.keyId(keyId)),
                UnsupportedOperationException.class, "UnsupportedOperationException");

        trent.trent().clock().advance(Duration.ofDays(91));

        String current = primaryRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId();
        assertThat(replicaRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId())
                .isEqualTo(current);
        SdkBytes blob = replicaRegion.encrypt(b -> b.keyId(keyId).plaintext(MESSAGE)).ciphertextBlob();
        assertThat(primaryRegion.decrypt(b -> b.ciphertextBlob(blob)).plaintext()).isEqualTo(MESSAGE);

        primaryRegion.disableKeyRotation(b -> b.keyId(keyId));
        assertThat(replicaRegion.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled()).isFalse();
    }
}
