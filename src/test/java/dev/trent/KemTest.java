package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecapsulateResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncapsulateResponse;
import software.amazon.awssdk.services.kms.model.EncapsulationAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * Encapsulate and Decapsulate with ML-KEM keys (FIPS 203), through the AWS SDK against a real
 * Trent. A secret encapsulated offline with BouncyCastle to the key's GetPublicKey public key must
 * come back from Trent's Decapsulate; a changed ciphertext of the right length must give another
 * secret (implicit rejection), never an error.
 */
class KemTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = trent.kms();
    }

    /** Each ML-KEM key spec with FIPS 203's sizes and the NIST OID of its SPKI algorithm identifier. */
    enum Kem {
        ML_KEM_512(KeySpec.ML_KEM_512, MLKEMParameters.ml_kem_512, 768, 800, "2.16.840.1.101.3.4.4.1"),
        ML_KEM_768(KeySpec.ML_KEM_768, MLKEMParameters.ml_kem_768, 1088, 1184, "2.16.840.1.101.3.4.4.2"),
        ML_KEM_1024(KeySpec.ML_KEM_1024, MLKEMParameters.ml_kem_1024, 1568, 1568, "2.16.840.1.101.3.4.4.3");

        final KeySpec spec;
        final MLKEMParameters parameters;
        final int ciphertextLength;
        final int publicKeyLength;
        final String oid;

        Kem(KeySpec spec, MLKEMParameters parameters, int ciphertextLength, int publicKeyLength, String oid) {
            this.spec = spec;
            this.parameters = parameters;
            this.ciphertextLength = ciphertextLength;
            this.publicKeyLength = publicKeyLength;
            this.oid = oid;
        }
    }

    // ---------------------------------------------------------------- Encapsulate and Decapsulate

    @ParameterizedTest
    @EnumSource(Kem.class)
    void encapsulateAnswersA32ByteSecretACiphertextOfTheSpecsLengthAndMlKem(Kem kem) {
        KeyMetadata key = newKemKey(kem);

        EncapsulateResponse response = kms.encapsulate(b -> b.keyId(key.keyId())
                .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM));

        assertThat(response.sharedSecret().asByteArray()).hasSize(32);
        assertThat(response.sharedSecretCiphertextBlob().asByteArray()).hasSize(kem.ciphertextLength);
        assertThat(response.encapsulationAlgorithm()).isEqualTo(EncapsulationAlgorithmSpec.ML_KEM);
        assertThat(response.keyId()).isEqualTo(key.arn());
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void decapsulateOfAnEncapsulatedSecretGivesTheSameSecret(Kem kem) {
        KeyMetadata key = newKemKey(kem);
        EncapsulateResponse encapsulated = encapsulate(key);

        byte[] secret = decapsulate(key, encapsulated.sharedSecretCiphertextBlob().asByteArray());

        assertThat(secret).isEqualTo(encapsulated.sharedSecret().asByteArray());
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void decapsulateAnswersTheKeyArnAndMlKem(Kem kem) {
        KeyMetadata key = newKemKey(kem);
        EncapsulateResponse encapsulated = encapsulate(key);

        DecapsulateResponse response = kms.decapsulate(b -> b.keyId(key.keyId())
                .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM)
                .sharedSecretCiphertextBlob(encapsulated.sharedSecretCiphertextBlob()));

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.encapsulationAlgorithm()).isEqualTo(EncapsulationAlgorithmSpec.ML_KEM);
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void twoEncapsulationsGiveDifferentSecretsAndCiphertexts(Kem kem) {
        KeyMetadata key = newKemKey(kem);

        EncapsulateResponse first = encapsulate(key);
        EncapsulateResponse second = encapsulate(key);

        assertThat(first.sharedSecret().asByteArray()).isNotEqualTo(second.sharedSecret().asByteArray());
        assertThat(first.sharedSecretCiphertextBlob().asByteArray())
                .isNotEqualTo(second.sharedSecretCiphertextBlob().asByteArray());
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void aSecretEncapsulatedOfflineToThePublicKeyDecapsulatesInTrent(Kem kem) throws Exception {
        KeyMetadata key = newKemKey(kem);
        MLKEMPublicKeyParameters publicKey = (MLKEMPublicKeyParameters) PublicKeyFactory.createKey(publicKey(key));
        assertThat(publicKey.getParameters()).isEqualTo(kem.parameters);
        SecretWithEncapsulation offline = new MLKEMGenerator(RANDOM).generateEncapsulated(publicKey);

        byte[] secret = decapsulate(key, offline.getEncapsulation());

        assertThat(secret).isEqualTo(offline.getSecret());
    }

    // ---------------------------------------------------------------- public key and metadata

    @ParameterizedTest
    @EnumSource(Kem.class)
    void publicKeyIsAnMlKemSubjectPublicKeyInfo(Kem kem) {
        KeyMetadata key = newKemKey(kem);

        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey(key));

        assertThat(spki.getAlgorithm().getAlgorithm().getId()).isEqualTo(kem.oid);
        assertThat(spki.getAlgorithm().getParameters()).as("parameters of the algorithm identifier").isNull();
        assertThat(spki.getPublicKeyData().getOctets()).hasSize(kem.publicKeyLength);
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void getPublicKeyOfAnMlKemKeyListsMlKemOnly(Kem kem) {
        KeyMetadata key = newKemKey(kem);

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.keyId()));

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keySpec()).isEqualTo(kem.spec);
        assertThat(response.keyUsage()).isEqualTo(KeyUsageType.ENCAPSULATE_DECAPSULATE);
        assertThat(response.encapsulationAlgorithms()).containsExactly(EncapsulationAlgorithmSpec.ML_KEM);
        assertThat(response.hasEncryptionAlgorithms()).as("EncryptionAlgorithms present").isFalse();
        assertThat(response.hasSigningAlgorithms()).as("SigningAlgorithms present").isFalse();
        assertThat(response.hasKeyAgreementAlgorithms()).as("KeyAgreementAlgorithms present").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void describeKeyOfAnMlKemKeyListsMlKemOnly(Kem kem) {
        KeyMetadata created = newKemKey(kem);

        KeyMetadata described = kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata();

        assertThat(described.keySpec()).isEqualTo(kem.spec);
        assertThat(described.keyUsage()).isEqualTo(KeyUsageType.ENCAPSULATE_DECAPSULATE);
        assertThat(described.encapsulationAlgorithms()).containsExactly(EncapsulationAlgorithmSpec.ML_KEM);
        assertThat(described.hasEncryptionAlgorithms()).as("EncryptionAlgorithms present").isFalse();
        assertThat(described.currentKeyMaterialId()).isNull();
    }

    // ---------------------------------------------------------------- implicit rejection

    /** Changes to a ciphertext that keep its length. */
    enum Tamper {
        FIRST_BYTE(0), MIDDLE_BYTE(-2), LAST_BYTE(-1);

        private final int where;

        Tamper(int where) {
            this.where = where;
        }

        byte[] apply(byte[] ciphertext) {
            byte[] changed = ciphertext.clone();
            int offset = where == -1 ? changed.length - 1 : where == -2 ? changed.length / 2 : where;
            changed[offset] ^= 0x01;
            return changed;
        }
    }

    static Stream<Arguments> specsAndTampers() {
        return Stream.of(Kem.values()).flatMap(kem -> Stream.of(Tamper.values()).map(t -> Arguments.of(kem, t)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("specsAndTampers")
    void aChangedCiphertextGivesAnother32ByteSecretNotAnError(Kem kem, Tamper tamper) {
        KeyMetadata key = newKemKey(kem);
        EncapsulateResponse encapsulated = encapsulate(key);
        byte[] changed = tamper.apply(encapsulated.sharedSecretCiphertextBlob().asByteArray());

        byte[] secret = decapsulate(key, changed);

        assertThat(secret).hasSize(32).isNotEqualTo(encapsulated.sharedSecret().asByteArray());
    }

    /** FIPS 203's implicit rejection is a function of the key and the ciphertext: the same both times. */
    @ParameterizedTest
    @EnumSource(Kem.class)
    void aChangedCiphertextGivesTheSameRejectionSecretEachTime(Kem kem) {
        KeyMetadata key = newKemKey(kem);
        byte[] changed = Tamper.MIDDLE_BYTE.apply(encapsulate(key).sharedSecretCiphertextBlob().asByteArray());

        byte[] first = decapsulate(key, changed);
        byte[] second = decapsulate(key, changed);

        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void aCiphertextForAnotherKeyOfTheSameSpecGivesAnotherSecret(Kem kem) {
        KeyMetadata key = newKemKey(kem);
        KeyMetadata other = newKemKey(kem);
        EncapsulateResponse encapsulated = encapsulate(other);

        byte[] secret = decapsulate(key, encapsulated.sharedSecretCiphertextBlob().asByteArray());

        assertThat(secret).hasSize(32).isNotEqualTo(encapsulated.sharedSecret().asByteArray());
    }

    // ---------------------------------------------------------------- ciphertexts of the wrong length

    /** Ciphertexts whose length does not fit the key spec. */
    enum WrongLength {
        ONE_BYTE_SHORT(blob -> Arrays.copyOf(blob, blob.length - 1)),
        ONE_BYTE_LONG(blob -> Arrays.copyOf(blob, blob.length + 1)),
        HALF(blob -> Arrays.copyOf(blob, blob.length / 2)),
        ONE_BYTE(blob -> new byte[] {blob[0]});

        private final Function<byte[], byte[]> change;

        WrongLength(Function<byte[], byte[]> change) {
            this.change = change;
        }
    }

    static Stream<Arguments> specsAndWrongLengths() {
        return Stream.of(Kem.values()).flatMap(kem -> Stream.of(WrongLength.values()).map(w -> Arguments.of(kem, w)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("specsAndWrongLengths")
    void aCiphertextOfTheWrongLengthIsInvalidCiphertext(Kem kem, WrongLength wrongLength) {
        KeyMetadata key = newKemKey(kem);
        byte[] ciphertext = wrongLength.change.apply(encapsulate(key).sharedSecretCiphertextBlob().asByteArray());

        assertAwsErrorWithoutMessage(() -> decapsulate(key, ciphertext),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    @Test
    void aCiphertextOfAnotherSpecIsInvalidCiphertext() {
        KeyMetadata key = newKemKey(Kem.ML_KEM_768);
        byte[] ciphertext = encapsulate(newKemKey(Kem.ML_KEM_512)).sharedSecretCiphertextBlob().asByteArray();

        assertAwsErrorWithoutMessage(() -> decapsulate(key, ciphertext),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    // ---------------------------------------------------------------- keys and algorithms refused

    /** Keys that cannot encapsulate, with the usage AWS names. */
    enum NotKem {
        SYMMETRIC(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT),
        RSA_ENCRYPTION(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
        ML_DSA_SIGNING(KeySpec.ML_DSA_65, KeyUsageType.SIGN_VERIFY),
        HMAC(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);

        final KeySpec spec;
        final KeyUsageType usage;

        NotKem(KeySpec spec, KeyUsageType usage) {
            this.spec = spec;
            this.usage = usage;
        }
    }

    @ParameterizedTest
    @EnumSource(NotKem.class)
    void encapsulateWithAKeyOfAnotherUsageIsInvalidKeyUsage(NotKem other) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();

        assertAwsError(() -> kms.encapsulate(b -> b.keyId(key.keyId())
                        .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for Encapsulate.");
    }

    @ParameterizedTest
    @EnumSource(NotKem.class)
    void decapsulateWithAKeyOfAnotherUsageIsInvalidKeyUsage(NotKem other) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();
        SdkBytes ciphertext = encapsulate(newKemKey(Kem.ML_KEM_768)).sharedSecretCiphertextBlob();

        assertAwsError(() -> kms.decapsulate(b -> b.keyId(key.keyId())
                        .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM).sharedSecretCiphertextBlob(ciphertext)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for Decapsulate.");
    }

    @Test
    void anUnknownEncapsulationAlgorithmIsValidationError() {
        KeyMetadata key = newKemKey(Kem.ML_KEM_768);

        assertValidationError(() -> kms.encapsulate(b -> b.keyId(key.keyId()).encapsulationAlgorithm("INVALID")),
                "1 validation error detected: Value 'INVALID' at 'encapsulationAlgorithm' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ML_KEM]");
    }

    @ParameterizedTest
    @EnumSource(value = KeyUsageType.class, names = {"ENCRYPT_DECRYPT", "SIGN_VERIFY", "KEY_AGREEMENT"})
    void createKeyOfAnMlKemSpecWithAnotherUsageIsValidationError(KeyUsageType usage) {
        assertValidationError(() -> kms.createKey(b -> b.keySpec(KeySpec.ML_KEM_768).keyUsage(usage)),
                "KeyUsage " + usage + " is not compatible with KeySpec ML_KEM_768");
    }

    @ParameterizedTest
    @EnumSource(Kem.class)
    void createKeyOfAnMlKemSpecInAChinaRegionIsUnsupported(Kem kem) {
        try (KmsClient china = trent.client(TrentServer.ACCOUNT, "cn-north-1")) {
            assertAwsError(() -> china.createKey(b -> b.keySpec(kem.spec)
                            .keyUsage(KeyUsageType.ENCAPSULATE_DECAPSULATE)),
                    UnsupportedOperationException.class, "UnsupportedOperationException",
                    "KeySpec " + kem.spec + " is not supported in this Region");
        }
    }

    // ---------------------------------------------------------------- DryRun

    @Test
    void dryRunOfEncapsulateIsDryRunOperation() {
        KeyMetadata key = newKemKey(Kem.ML_KEM_512);

        assertAwsError(() -> kms.encapsulate(b -> b.keyId(key.keyId())
                        .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    @Test
    void dryRunOfDecapsulateIsDryRunOperation() {
        KeyMetadata key = newKemKey(Kem.ML_KEM_512);
        SdkBytes ciphertext = encapsulate(key).sharedSecretCiphertextBlob();

        assertAwsError(() -> kms.decapsulate(b -> b.keyId(key.keyId())
                        .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM).sharedSecretCiphertextBlob(ciphertext)
                        .dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    // ---------------------------------------------------------------- helpers

    private static KeyMetadata newKemKey(Kem kem) {
        return kms.createKey(b -> b.keySpec(kem.spec).keyUsage(KeyUsageType.ENCAPSULATE_DECAPSULATE)).keyMetadata();
    }

    private static byte[] publicKey(KeyMetadata key) {
        return kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray();
    }

    private static EncapsulateResponse encapsulate(KeyMetadata key) {
        return kms.encapsulate(b -> b.keyId(key.keyId()).encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM));
    }

    private static byte[] decapsulate(KeyMetadata key, byte[] ciphertext) {
        return kms.decapsulate(b -> b.keyId(key.keyId()).encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM)
                .sharedSecretCiphertextBlob(SdkBytes.fromByteArray(ciphertext))).sharedSecret().asByteArray();
    }
}
