package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;
import static dev.trent.support.TestBytes.randomBytes;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

/** GenerateMac and VerifyMac with HMAC keys, through the AWS SDK against a real Trent. */
class MacTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();


    private static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = trent.kms();
    }

    /** Each HMAC key spec with its only algorithm and the length of its MAC (RFC 2104, raw). */
    enum Hmac {
        HMAC_224(KeySpec.HMAC_224, MacAlgorithmSpec.HMAC_SHA_224, 28),
        HMAC_256(KeySpec.HMAC_256, MacAlgorithmSpec.HMAC_SHA_256, 32),
        HMAC_384(KeySpec.HMAC_384, MacAlgorithmSpec.HMAC_SHA_384, 48),
        HMAC_512(KeySpec.HMAC_512, MacAlgorithmSpec.HMAC_SHA_512, 64);

        final KeySpec spec;
        final MacAlgorithmSpec algorithm;
        final int macLength;

        Hmac(KeySpec spec, MacAlgorithmSpec algorithm, int macLength) {
            this.spec = spec;
            this.algorithm = algorithm;
            this.macLength = macLength;
        }
    }

    // ---------------------------------------------------------------- GenerateMac

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void generateMacAnswersAMacOfTheHashLengthTheAlgorithmAndTheKeyArn(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);

        GenerateMacResponse response = kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(hmac.algorithm)
                .message(bytes(randomBytes(100))));

        assertThat(response.mac().asByteArray()).hasSize(hmac.macLength);
        assertThat(response.macAlgorithm()).isEqualTo(hmac.algorithm);
        assertThat(response.keyId()).isEqualTo(key.arn());
    }

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void theSameMessageGivesTheSameMac(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] message = randomBytes(100);

        byte[] first = mac(key, hmac, message);
        byte[] second = mac(key, hmac, message.clone());

        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void anotherMessageGivesAnotherMac(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] message = randomBytes(100);
        byte[] other = message.clone();
        other[99] ^= 0x01;

        assertThat(mac(key, hmac, message)).isNotEqualTo(mac(key, hmac, other));
    }

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void anotherKeyOfTheSameSpecGivesAnotherMac(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        KeyMetadata other = newHmacKey(hmac);
        byte[] message = randomBytes(100);

        assertThat(mac(key, hmac, message)).isNotEqualTo(mac(other, hmac, message));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4096})
    void generateMacAcceptsMessagesFromOneTo4096Bytes(int length) {
        KeyMetadata key = newHmacKey(Hmac.HMAC_256);

        byte[] mac = mac(key, Hmac.HMAC_256, randomBytes(length));

        assertThat(mac).hasSize(32);
    }

    // ---------------------------------------------------------------- VerifyMac

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void verifyMacOfAGeneratedMacIsValid(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] message = randomBytes(200);
        byte[] mac = mac(key, hmac, message);

        VerifyMacResponse verified = kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(hmac.algorithm)
                .message(bytes(message)).mac(bytes(mac)));

        assertThat(verified.macValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertThat(verified.macAlgorithm()).isEqualTo(hmac.algorithm);
    }

    /** Changes to a MAC. */
    enum Change {
        FIRST_BIT_FLIPPED(mac -> {
            mac[0] ^= 0x01;
            return mac;
        }),
        LAST_BIT_FLIPPED(mac -> {
            mac[mac.length - 1] ^= (byte) 0x80;
            return mac;
        }),
        TRUNCATED(mac -> Arrays.copyOf(mac, mac.length - 1)),
        HALF(mac -> Arrays.copyOf(mac, mac.length / 2)),
        BYTE_APPENDED(mac -> Arrays.copyOf(mac, mac.length + 1));

        private final Function<byte[], byte[]> change;

        Change(Function<byte[], byte[]> change) {
            this.change = change;
        }

        byte[] apply(byte[] mac) {
            return change.apply(mac.clone());
        }
    }

    static Stream<Arguments> specsAndChanges() {
        return Stream.of(Hmac.values()).flatMap(hmac -> Stream.of(Change.values()).map(c -> Arguments.of(hmac, c)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("specsAndChanges")
    void verifyMacOfAChangedMacIsInvalidMac(Hmac hmac, Change change) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] message = randomBytes(64);
        byte[] changed = change.apply(mac(key, hmac, message));

        assertInvalidMac(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(hmac.algorithm)
                .message(bytes(message)).mac(bytes(changed))));
    }

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void verifyMacOfTheMacOfAnotherMessageIsInvalidMac(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] mac = mac(key, hmac, "some important message".getBytes(StandardCharsets.UTF_8));

        assertInvalidMac(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(hmac.algorithm)
                .message(bytes("some different important message".getBytes(StandardCharsets.UTF_8))).mac(bytes(mac))));
    }

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void verifyMacWithAnotherKeyOfTheSameSpecIsInvalidMac(Hmac hmac) {
        KeyMetadata key = newHmacKey(hmac);
        KeyMetadata other = newHmacKey(hmac);
        byte[] message = randomBytes(64);
        byte[] mac = mac(key, hmac, message);

        assertInvalidMac(() -> kms.verifyMac(b -> b.keyId(other.keyId()).macAlgorithm(hmac.algorithm)
                .message(bytes(message)).mac(bytes(mac))));
    }

    // ---------------------------------------------------------------- algorithms and keys refused

    static Stream<Arguments> mismatchedAlgorithms() {
        return Stream.of(Hmac.values()).flatMap(hmac -> Stream.of(Hmac.values()).filter(other -> other != hmac)
                .map(other -> Arguments.of(hmac, other.algorithm)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("mismatchedAlgorithms")
    void generateMacWithTheAlgorithmOfAnotherSpecIsInvalidKeyUsage(Hmac hmac, MacAlgorithmSpec algorithm) {
        KeyMetadata key = newHmacKey(hmac);

        assertAwsError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithm)
                        .message(bytes(randomBytes(16)))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm " + algorithm + " is incompatible with key spec " + hmac.spec + ".");
    }

    /** The algorithm is checked before the MAC: a MAC right for the key still fails with the wrong algorithm. */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("mismatchedAlgorithms")
    void verifyMacWithTheAlgorithmOfAnotherSpecIsInvalidKeyUsage(Hmac hmac, MacAlgorithmSpec algorithm) {
        KeyMetadata key = newHmacKey(hmac);
        byte[] message = randomBytes(16);
        byte[] mac = mac(key, hmac, message);

        assertAwsError(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithm)
                        .message(bytes(message)).mac(bytes(mac))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm " + algorithm + " is incompatible with key spec " + hmac.spec + ".");
    }

    @Test
    void anUnknownMacAlgorithmIsValidationError() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_256);

        assertValidationError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm("INVALID")
                        .message(bytes(randomBytes(16)))),
                "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member"
                        + " must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]");
    }

    /** A key that is not an HMAC key, and the usage AWS names in its message. */
    enum OtherKey {
        SYMMETRIC(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT),
        RSA_SIGNING(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
        ECC_SIGNING(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        final KeySpec spec;
        final KeyUsageType usage;

        OtherKey(KeySpec spec, KeyUsageType usage) {
            this.spec = spec;
            this.usage = usage;
        }
    }

    @ParameterizedTest
    @EnumSource(OtherKey.class)
    void generateMacWithAKeyThatIsNotAnHmacKeyIsInvalidKeyUsage(OtherKey other) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();

        assertAwsError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(randomBytes(16)))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for GenerateMac.");
    }

    @ParameterizedTest
    @EnumSource(OtherKey.class)
    void verifyMacWithAKeyThatIsNotAnHmacKeyIsInvalidKeyUsage(OtherKey other) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();

        assertAwsError(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(randomBytes(16))).mac(bytes(randomBytes(32)))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for VerifyMac.");
    }

    @Test
    void generateMacWithAMalformedKeyIdIsNotFound() {
        assertAwsError(() -> kms.generateMac(b -> b.keyId("key_id").macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(randomBytes(16)))),
                NotFoundException.class, "NotFoundException", "Invalid keyId 'key_id'");
    }

    // ---------------------------------------------------------------- message length

    @Test
    void generateMacOfMoreThan4096BytesIsValidationError() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_256);

        assertValidationError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(randomBytes(4097)))),
                "1 validation error detected: Value at 'message' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 4096");
    }

    @Test
    void verifyMacOfMoreThan4096BytesIsValidationError() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_256);

        assertValidationError(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(randomBytes(4097))).mac(bytes(randomBytes(32)))),
                "1 validation error detected: Value at 'message' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 4096");
    }

    @Test
    void generateMacOfAnEmptyMessageIsValidationError() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_256);

        assertValidationError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(bytes(new byte[0]))),
                "1 validation error detected: Value at 'message' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 1");
    }

    // ---------------------------------------------------------------- key metadata

    @ParameterizedTest
    @EnumSource(Hmac.class)
    void describeKeyOfAnHmacKeyListsItsMacAlgorithmOnly(Hmac hmac) {
        KeyMetadata created = newHmacKey(hmac);

        KeyMetadata described = kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata();

        assertThat(described.keySpec()).isEqualTo(hmac.spec);
        assertThat(described.keyUsage()).isEqualTo(KeyUsageType.GENERATE_VERIFY_MAC);
        assertThat(described.macAlgorithms()).containsExactly(hmac.algorithm);
        assertThat(described.hasEncryptionAlgorithms()).as("EncryptionAlgorithms present").isFalse();
        assertThat(described.hasSigningAlgorithms()).as("SigningAlgorithms present").isFalse();
        assertThat(described.hasKeyAgreementAlgorithms()).as("KeyAgreementAlgorithms present").isFalse();
        assertThat(described.currentKeyMaterialId()).isNull();
    }

    // ---------------------------------------------------------------- DryRun

    @Test
    void dryRunOfGenerateMacIsDryRunOperation() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_384);

        assertAwsError(() -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)
                        .message(bytes(randomBytes(16))).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    @Test
    void dryRunOfVerifyMacIsDryRunOperation() {
        KeyMetadata key = newHmacKey(Hmac.HMAC_384);
        byte[] message = randomBytes(16);
        byte[] mac = mac(key, Hmac.HMAC_384, message);

        assertAwsError(() -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)
                        .message(bytes(message)).mac(bytes(mac)).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    // ---------------------------------------------------------------- helpers

    private static KeyMetadata newHmacKey(Hmac hmac) {
        return kms.createKey(b -> b.keySpec(hmac.spec).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata();
    }

    private static byte[] mac(KeyMetadata key, Hmac hmac, byte[] message) {
        return kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(hmac.algorithm).message(bytes(message)))
                .mac().asByteArray();
    }

    private static void assertInvalidMac(ThrowingCallable call) {
        assertAwsErrorWithoutMessage(call, KmsInvalidMacException.class, "KMSInvalidMacException");
    }

    private static SdkBytes bytes(byte[] bytes) {
        return SdkBytes.fromByteArray(bytes);
    }
}
