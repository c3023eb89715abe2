package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncapsulationAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageResponse;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyLastUsageTrackingOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.KmsResponse;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** GetKeyLastUsage: each key's last successful cryptographic use, recorded by the operations AWS tracks. */
class KeyLastUsageTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("message");

    /** One tracked operation on a key it creates; returns the response, whose request id AWS records. */
    private record Use(KeyLastUsageTrackingOperation operation, Function<KmsClient, Used> call) {
        @Override
        public String toString() {
            return operation.toString();
        }
    }

    private record Used(String keyId, KmsResponse response) {
    }

    static Stream<Use> trackedOperations() {
        return Stream.of(
                new Use(KeyLastUsageTrackingOperation.ENCRYPT, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    return new Used(key, kms.encrypt(b -> b.keyId(key).plaintext(MESSAGE)));
                }),
                new Use(KeyLastUsageTrackingOperation.DECRYPT, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(MESSAGE)).ciphertextBlob();
                    return new Used(key, kms.decrypt(b -> b.ciphertextBlob(blob)));
                }),
                new Use(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    return new Used(key, kms.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    return new Used(key, kms.generateDataKeyWithoutPlaintext(
                            b -> b.keyId(key).keySpec(DataKeySpec.AES_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_PAIR, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    return new Used(key, kms.generateDataKeyPair(
                            b -> b.keyId(key).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
                }),
                new Use(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, kms -> {
                    String key = TestKeys.newKeyId(kms);
                    return new Used(key, kms.generateDataKeyPairWithoutPlaintext(
                            b -> b.keyId(key).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
                }),
                new Use(KeyLastUsageTrackingOperation.SIGN, kms -> {
                    String key = asymmetricKey(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
                    return new Used(key, kms.sign(b -> b.keyId(key).message(MESSAGE)
                            .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.VERIFY, kms -> {
                    String key = asymmetricKey(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
                    SdkBytes signature = kms.sign(b -> b.keyId(key).message(MESSAGE)
                            .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
                    return new Used(key, kms.verify(b -> b.keyId(key).message(MESSAGE).signature(signature)
                            .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.GENERATE_MAC, kms -> {
                    String key = asymmetricKey(kms, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
                    return new Used(key, kms.generateMac(b -> b.keyId(key).message(MESSAGE)
                            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.VERIFY_MAC, kms -> {
                    String key = asymmetricKey(kms, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
                    SdkBytes mac = kms.generateMac(b -> b.keyId(key).message(MESSAGE)
                            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac();
                    return new Used(key, kms.verifyMac(b -> b.keyId(key).message(MESSAGE).mac(mac)
                            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)));
                }),
                new Use(KeyLastUsageTrackingOperation.DERIVE_SHARED_SECRET, kms -> {
                    String key = asymmetricKey(kms, KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT);
                    return new Used(key, kms.deriveSharedSecret(b -> b.keyId(key)
                            .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                            .publicKey(SdkBytes.fromByteArray(peerPublicKey()))));
                }),
                new Use(KeyLastUsageTrackingOperation.ENCAPSULATE, kms -> {
                    String key = asymmetricKey(kms, KeySpec.ML_KEM_768, KeyUsageType.ENCAPSULATE_DECAPSULATE);
                    return new Used(key, kms.encapsulate(b -> b.keyId(key)
                            .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM)));
                }),
                new Use(KeyLastUsageTrackingOperation.DECAPSULATE, kms -> {
                    String key = asymmetricKey(kms, KeySpec.ML_KEM_768, KeyUsageType.ENCAPSULATE_DECAPSULATE);
                    SdkBytes encapsulated = kms.encapsulate(b -> b.keyId(key)
                            .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM))
                            .sharedSecretCiphertextBlob();
                    return new Used(key, kms.decapsulate(b -> b.keyId(key).sharedSecretCiphertextBlob(encapsulated)
                            .encapsulationAlgorithm(EncapsulationAlgorithmSpec.ML_KEM)));
                }));
    }

    @ParameterizedTest
    @MethodSource("trackedOperations")
    void each_tracked_operation_records_its_use_with_its_request_id(Use use) {
        KmsClient kms = trent.kms();
        Used used = use.call().apply(kms);

        GetKeyLastUsageResponse usage = kms.getKeyLastUsage(b -> b.keyId(used.keyId()));

        assertThat(usage.keyLastUsage().operation()).isEqualTo(use.operation());
        assertThat(usage.keyLastUsage().kmsRequestId()).isEqualTo(used.response().responseMetadata().requestId());
        assertThat(UUID.fromString(usage.keyLastUsage().cloudTrailEventId())).isNotNull();
    }

    @Test
    void a_new_key_has_an_empty_last_usage_and_is_tracked_since_its_creation() {
        KmsClient kms = trent.kms();
        var key = TestKeys.newKey(kms);

        GetKeyLastUsageResponse usage = kms.getKeyLastUsage(b -> b.keyId(key.arn()));

        assertThat(usage.keyId()).isEqualTo(key.keyId());
        assertThat(usage.keyCreationDate()).isEqualTo(key.creationDate());
        assertThat(usage.trackingStartDate()).isEqualTo(key.creationDate());
        // present but empty, as AWS answers for a key not used since tracking began
        assertThat(usage.keyLastUsage()).isNotNull();
        assertThat(usage.keyLastUsage().operation()).isNull();
        assertThat(usage.keyLastUsage().timestamp()).isNull();
        assertThat(usage.keyLastUsage().cloudTrailEventId()).isNull();
        assertThat(usage.keyLastUsage().kmsRequestId()).isNull();
    }

    @Test
    void the_last_use_replaces_the_earlier_one_with_the_clock_time_to_the_second() {
        KmsClient kms = trent.kms();
        String key = TestKeys.newKeyId(kms);
        SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(MESSAGE)).ciphertextBlob();
        Instant encrypted = kms.getKeyLastUsage(b -> b.keyId(key)).keyLastUsage().timestamp();

        trent.trent().clock().advance(Duration.ofHours(3));
        // Trent's clock runs on from where it was moved to: the use falls between these two readings
        Instant before = trent.trent().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        kms.decrypt(b -> b.ciphertextBlob(blob));
        Instant after = trent.trent().clock().instant();

        var last = kms.getKeyLastUsage(b -> b.keyId(key)).keyLastUsage();
        assertThat(last.operation()).isEqualTo(KeyLastUsageTrackingOperation.DECRYPT);
        assertThat(last.timestamp()).isBetween(before, after).isAfter(encrypted.plus(Duration.ofHours(2)));
        assertThat(last.timestamp().getNano()).isZero();
    }

    @Test
    void re_encrypt_records_its_use_of_both_keys() {
        KmsClient kms = trent.kms();
        String source = TestKeys.newKeyId(kms);
        String destination = TestKeys.newKeyId(kms);
        SdkBytes blob = kms.encrypt(b -> b.keyId(source).plaintext(MESSAGE)).ciphertextBlob();

        var response = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination));

        for (String key : new String[] {source, destination}) {
            var last = kms.getKeyLastUsage(b -> b.keyId(key)).keyLastUsage();
            assertThat(last.operation()).as(key).isEqualTo(KeyLastUsageTrackingOperation.RE_ENCRYPT);
            assertThat(last.kmsRequestId()).isEqualTo(response.responseMetadata().requestId());
        }
    }

    @Test
    void operations_that_read_a_key_or_fail_record_nothing() {
        KmsClient kms = trent.kms();
        String key = asymmetricKey(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        kms.describeKey(b -> b.keyId(key));
        kms.getPublicKey(b -> b.keyId(key));
        assertAwsError(() -> kms.sign(b -> b.keyId(key).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException");
        SdkBytes notASignature = SdkBytes.fromByteArray(new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01});
        assertAwsErrorWithoutMessage(() -> kms.verify(b -> b.keyId(key).message(MESSAGE).signature(notASignature)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)),
                KmsInvalidSignatureException.class, "KMSInvalidSignatureException");

        assertThat(kms.getKeyLastUsage(b -> b.keyId(key)).keyLastUsage().operation()).isNull();
    }

    @Test
    void alias_names_and_unknown_keys_are_not_found() {
        KmsClient kms = trent.kms();
        String key = TestKeys.newKeyId(kms);
        kms.createAlias(b -> b.aliasName("alias/last-usage").targetKeyId(key));
        String missing = UUID.randomUUID().toString();

        assertAwsError(() -> kms.getKeyLastUsage(b -> b.keyId("alias/last-usage")), NotFoundException.class,
                "NotFoundException", "Invalid keyId 'alias/last-usage'");
        assertAwsError(() -> kms.getKeyLastUsage(b -> b.keyId(missing)), NotFoundException.class,
                "NotFoundException", "Key '" + TestKeys.keyArn(missing) + "' does not exist");
    }

    @Test
    void keys_of_each_region_keep_their_own_usage() {
        KmsClient kms = trent.kms();
        KmsClient other = trent.client(TrentServer.ACCOUNT, TrentServer.OTHER_REGION);
        String key = TestKeys.newKeyId(kms);
        kms.encrypt(b -> b.keyId(key).plaintext(MESSAGE));

        assertAwsError(() -> other.getKeyLastUsage(b -> b.keyId(key)), NotFoundException.class,
                "NotFoundException");
        String otherKey = TestKeys.newKeyId(other);
        assertThat(other.getKeyLastUsage(b -> b.keyId(otherKey)).keyLastUsage().operation()).isNull();
    }

    private static String asymmetricKey(KmsClient kms, KeySpec spec, KeyUsageType usage) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    private static byte[] peerPublicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return pair.getPublic().getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
