package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ExternalMaterial;
import dev.trent.support.TrentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyMaterialException;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.OriginType;

/** Imported material of multi-Region keys: every related key must hold the same material. */
class MultiRegionImportTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("imported, replicated");

    private final KmsClient primaryRegion = trent.kms();
    private final KmsClient replicaRegion = trent.client(TrentServer.ACCOUNT, TrentServer.OTHER_REGION);

    @Test
    void a_replica_takes_only_the_material_of_its_related_keys() throws Exception {
        String keyId = primaryRegion.createKey(b -> b.multiRegion(true).origin(OriginType.EXTERNAL))
                .keyMetadata().keyId();
        byte[] material = randomBytes(32);
        importInto(primaryRegion, keyId, material);
        primaryRegion.replicateKey(b -> b.keyId(keyId).replicaRegion(TrentServer.OTHER_REGION));
        assertThat(replicaRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.PENDING_IMPORT);

        assertAwsError(() -> importInto(replicaRegion, keyId, randomBytes(32)), IncorrectKeyMaterialException.class,
                "IncorrectKeyMaterialException");
        assertThat(replicaRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.PENDING_IMPORT);

        importInto(replicaRegion, keyId, material);

        assertThat(replicaRegion.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.ENABLED);
        SdkBytes blob = primaryRegion.encrypt(b -> b.keyId(keyId).plaintext(MESSAGE)).ciphertextBlob();
        assertThat(replicaRegion.decrypt(b -> b.ciphertextBlob(blob)).plaintext()).isEqualTo(MESSAGE);
        // and the material is the one the test holds: the ciphertext opens locally with it
        assertThat(ExternalMaterial.decryptLocally(blob.asByteArray(), material)).isEqualTo(MESSAGE.asByteArray());
    }

    private static void importInto(KmsClient kms, String keyId, byte[] material) throws Exception {
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(keyId)
                .wrappingAlgorithm("RSAES_OAEP_SHA_256").wrappingKeySpec("RSA_2048"));
        byte[] wrapped = ImportTest.wrap("RSAES_OAEP_SHA_256", parameters.publicKey().asByteArray(), material);
        kms.importKeyMaterial(b -> b.keyId(keyId).importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }
}
