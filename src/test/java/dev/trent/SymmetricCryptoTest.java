package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;
import static dev.trent.support.TestBytes.randomBytes;

import static dev.trent.support.AwsErrors.CIPHERTEXT_KEY_NOT_ACCESSIBLE;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.TestKeys.keyArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TestKeys;
import dev.trent.support.ResponseBodies;
import dev.trent.support.TrentServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext) and GenerateRandom with symmetric
 * keys, through the AWS SDK against a real Trent. Cryptographic results are checked independently
 * with JCA where the test holds a key (data keys), and the ciphertext layout against
 * docs/ciphertext-format.md with a parser written here.
 */
class SymmetricCryptoTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String REGION = TrentServer.REGION;
    private static final String INCORRECT_KEY_MESSAGE =
            "The key ID in the request does not identify a CMK that can perform this operation.";

    private static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = trent.kms();
    }

    // ---------------------------------------------------------------- round trips and responses

    /** How an Encrypt or Decrypt request names a key. */
    enum Naming {
        KEY_ID, KEY_ARN, ALIAS_NAME, ALIAS_ARN;

        String of(Key key) {
            return switch (this) {
                case KEY_ID -> key.id();
                case KEY_ARN -> key.arn();
                case ALIAS_NAME -> key.alias();
                case ALIAS_ARN -> "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + key.alias();
            };
        }
    }

    static Stream<Arguments> namingsAndSizes() {
        return Stream.of(Naming.values()).flatMap(naming -> Stream.of(1, 100, 4096)
                .flatMap(size -> Stream.of(true, false).map(withKeyId -> Arguments.of(naming, size, withKeyId))));
    }

    @ParameterizedTest(name = "{0}, {1} bytes, Decrypt with KeyId: {2}")
    @MethodSource("namingsAndSizes")
    void decryptReturnsTheOriginalPlaintext(Naming naming, int size, boolean decryptWithKeyId) {
        Key key = newKeyWithAlias();
        byte[] plaintext = randomBytes(size);

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(naming.of(key)).plaintext(SdkBytes.fromByteArray(plaintext)));
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())
                .keyId(decryptWithKeyId ? naming.of(key) : null));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(Naming.class)
    void encryptAnswersTheKeyArnAndSymmetricDefault(Naming naming) {
        Key key = newKeyWithAlias();

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(naming.of(key)).plaintext(bytes(32)));

        assertThat(encrypted.ciphertextBlob()).isNotNull();
        assertThat(encrypted.ciphertextBlob().asByteArray()).isNotEmpty();
        assertThat(encrypted.keyId()).isEqualTo(key.arn());
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    @Test
    void decryptAnswersTheKeyArnAlgorithmAndCurrentKeyMaterialId() {
        Key key = newKey();
        SdkBytes blob = encrypt(key, randomBytes(32), Map.of());

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(blob));

        assertThat(decrypted.plaintext()).isNotNull();
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(decrypted.keyMaterialId()).isNotNull().isEqualTo(describe(key).currentKeyMaterialId());
    }

    @Test
    void twoEncryptionsOfTheSamePlaintextDiffer() {
        Key key = newKey();
        SdkBytes plaintext = bytes(100);

        SdkBytes first = kms.encrypt(b -> b.keyId(key.id()).plaintext(plaintext)).ciphertextBlob();
        SdkBytes second = kms.encrypt(b -> b.keyId(key.id()).plaintext(plaintext)).ciphertextBlob();

        assertThat(first.asByteArray()).isNotEqualTo(second.asByteArray());
    }

    @Test
    void multiRegionKeyEncryptsAndDecrypts() {
        KeyMetadata metadata = kms.createKey(b -> b.multiRegion(true)).keyMetadata();
        assertThat(metadata.keyId()).matches("mrk-[0-9a-f]{32}");
        byte[] plaintext = randomBytes(100);

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(metadata.keyId()).plaintext(SdkBytes.fromByteArray(plaintext)));
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob()));

        assertThat(encrypted.keyId()).isEqualTo(metadata.arn());
        assertThat(decrypted.keyId()).isEqualTo(metadata.arn());
        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    // ---------------------------------------------------------------- encryption context

    @Test
    void decryptAcceptsTheSameContextInAnotherOrder() {
        Key key = newKey();
        Map<String, String> context = new LinkedHashMap<>();
        context.put("purpose", "test");
        context.put("bucket", "b1");
        context.put("zone", "z");
        context.put("app", "trent");
        Map<String, String> reordered = new LinkedHashMap<>();
        List.of("zone", "app", "purpose", "bucket").forEach(k -> reordered.put(k, context.get(k)));
        byte[] plaintext = randomBytes(64);
        SdkBytes blob = encrypt(key, plaintext, context);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(reordered));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    static Stream<Arguments> mismatchedContexts() {
        return Stream.of(
                Arguments.of("context missing at Decrypt", Map.of("k", "v"), Map.of()),
                Arguments.of("context given at Decrypt only", Map.of(), Map.of("k", "v")),
                Arguments.of("extra pair", Map.of("k", "v"), Map.of("k", "v", "k2", "v2")),
                Arguments.of("changed value", Map.of("k", "v"), Map.of("k", "w")),
                Arguments.of("changed key", Map.of("k", "v"), Map.of("K", "v")),
                Arguments.of("ambiguous concatenation", Map.of("a", "bc"), Map.of("ab", "c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatchedContexts")
    void decryptWithAnotherContextIsInvalidCiphertext(String name, Map<String, String> atEncrypt,
            Map<String, String> atDecrypt) {
        Key key = newKey();
        SdkBytes blob = encrypt(key, randomBytes(16), atEncrypt);

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(atDecrypt)));
    }

    // ---------------------------------------------------------------- tampered ciphertexts

    /** Changes to a blob made for a 100-byte plaintext; n is the length of the key ARN in the blob. */
    enum Tamper {
        VERSION_BYTE(blob -> flip(blob, 0)),
        ARN_LENGTH_HIGH_BYTE(blob -> flip(blob, 1)),
        ARN_FIRST_BYTE(blob -> flip(blob, 3)),
        KEY_MATERIAL_ID(blob -> flip(blob, 3 + arnLength(blob) + 10)),
        IV(blob -> flip(blob, 35 + arnLength(blob) + 5)),
        CIPHERTEXT_BODY(blob -> flip(blob, 47 + arnLength(blob) + 50)),
        TAG(blob -> flip(blob, blob.length - 3)),
        LAST_BYTE_REMOVED(blob -> Arrays.copyOf(blob, blob.length - 1)),
        CUT_IN_HALF(blob -> Arrays.copyOf(blob, blob.length / 2)),
        BYTE_APPENDED(blob -> Arrays.copyOf(blob, blob.length + 1)),
        RANDOM_GARBAGE(blob -> {
            byte[] garbage = new byte[blob.length];
            new Random(20240601).nextBytes(garbage);
            return garbage;
        }),
        ONE_BYTE(blob -> new byte[] {1});

        private final Function<byte[], byte[]> change;

        Tamper(Function<byte[], byte[]> change) {
            this.change = change;
        }

        byte[] apply(byte[] blob) {
            return change.apply(blob.clone());
        }

        private static byte[] flip(byte[] blob, int offset) {
            blob[offset] ^= 0x01;
            return blob;
        }

        private static int arnLength(byte[] blob) {
            return ((blob[1] & 0xff) << 8) | (blob[2] & 0xff);
        }
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void tamperedCiphertextIsInvalidCiphertext(Tamper tamper) {
        Key key = newKey();
        byte[] blob = encrypt(key, randomBytes(100), Map.of("k", "v")).asByteArray();
        byte[] tampered = tamper.apply(blob);
        assertThat(tampered).isNotEqualTo(blob);

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                .encryptionContext(Map.of("k", "v"))));
    }

    /**
     * A blob whose key reference names a key that does not exist. AWS answers AccessDeniedException
     * "The ciphertext refers to a customer master key that does not exist, ..." [REAL-LOG]; the
     * services wrapping KMS document it as "The ciphertext references a key that doesn't exist or
     * that you don't have access to" (KMSAccessDeniedException).
     */
    @Test
    void ciphertextNamingAKeyThatDoesNotExistIsAccessDenied() {
        Key key = newKey();
        byte[] blob = encrypt(key, randomBytes(100), Map.of()).asByteArray();
        byte[] otherId = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] forged = blob.clone();
        System.arraycopy(otherId, 0, forged, 3 + key.arn().length() - otherId.length, otherId.length);

        assertAccessDenied(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(forged))),
                CIPHERTEXT_KEY_NOT_ACCESSIBLE);
    }

    // ---------------------------------------------------------------- KeyId at Decrypt

    @Test
    void decryptWithTheKeyIdOfAnotherKeyIsIncorrectKey() {
        Key key = newKey();
        Key other = newKey();
        SdkBytes blob = encrypt(key, randomBytes(16), Map.of());

        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(other.id())),
                IncorrectKeyException.class, "IncorrectKeyException", INCORRECT_KEY_MESSAGE);
    }

    @Test
    void decryptWithAKeyIdThatDoesNotExistIsNotFound() {
        Key key = newKey();
        SdkBytes blob = encrypt(key, randomBytes(16), Map.of());
        String missing = UUID.randomUUID().toString();

        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(missing)),
                NotFoundException.class, "NotFoundException", "Key '" + keyArn(missing) + "' does not exist");
    }

    // ---------------------------------------------------------------- Encrypt validation

    @Test
    void encryptOfMoreThan4096BytesIsValidationError() {
        Key key = newKey();

        assertValidationError(() -> kms.encrypt(b -> b.keyId(key.id()).plaintext(bytes(4097))),
                "1 validation error detected: Value at 'plaintext' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 4096");
    }

    @Test
    void encryptWithAnRsaAlgorithmAndSymmetricKeyIsInvalidKeyUsage() {
        Key key = newKey();

        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.id())
                .plaintext(bytes(16)).encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.");
    }

    // ---------------------------------------------------------------- ReEncrypt

    @Test
    void reEncryptedCiphertextDecryptsUnderTheDestinationKeyAndContext() {
        Key source = newKey();
        Key destination = newKey();
        byte[] plaintext = randomBytes(200);
        SdkBytes blob = encrypt(source, plaintext, Map.of("stage", "source"));

        ReEncryptResponse reEncrypted = kms.reEncrypt(b -> b.ciphertextBlob(blob)
                .sourceEncryptionContext(Map.of("stage", "source"))
                .destinationKeyId(destination.id())
                .destinationEncryptionContext(Map.of("stage", "destination")));
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(reEncrypted.ciphertextBlob())
                .encryptionContext(Map.of("stage", "destination")));

        assertThat(decrypted.keyId()).isEqualTo(destination.arn());
        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @Test
    void reEncryptAnswersBothKeysAlgorithmsAndKeyMaterials() {
        Key source = newKey();
        Key destination = newKey();
        SdkBytes blob = encrypt(source, randomBytes(16), Map.of());

        ReEncryptResponse reEncrypted = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination.id()));

        assertThat(reEncrypted.sourceKeyId()).isEqualTo(source.arn());
        assertThat(reEncrypted.keyId()).isEqualTo(destination.arn());
        assertThat(reEncrypted.sourceEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(reEncrypted.destinationEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(reEncrypted.sourceKeyMaterialId()).isNotNull().isEqualTo(describe(source).currentKeyMaterialId());
        assertThat(reEncrypted.destinationKeyMaterialId()).isNotNull()
                .isEqualTo(describe(destination).currentKeyMaterialId());
    }

    @Test
    void reEncryptWithTheWrongSourceKeyIdIsIncorrectKey() {
        Key source = newKey();
        Key other = newKey();
        Key destination = newKey();
        SdkBytes blob = encrypt(source, randomBytes(16), Map.of());

        assertAwsError(() -> kms.reEncrypt(b -> b.ciphertextBlob(blob)
                .sourceKeyId(other.id()).destinationKeyId(destination.id())),
                IncorrectKeyException.class, "IncorrectKeyException", INCORRECT_KEY_MESSAGE);
    }

    @Test
    void reEncryptWithTheWrongSourceContextIsInvalidCiphertext() {
        Key source = newKey();
        Key destination = newKey();
        SdkBytes blob = encrypt(source, randomBytes(16), Map.of("k", "v"));

        assertInvalidCiphertext(() -> kms.reEncrypt(b -> b.ciphertextBlob(blob)
                .sourceEncryptionContext(Map.of("k", "other")).destinationKeyId(destination.id())));
    }

    // ---------------------------------------------------------------- data keys

    enum DataKeySize {
        AES_256(b -> b.keySpec(DataKeySpec.AES_256), 32),
        AES_128(b -> b.keySpec(DataKeySpec.AES_128), 16),
        ONE_BYTE(b -> b.numberOfBytes(1), 1),
        BYTES_1024(b -> b.numberOfBytes(1024), 1024);

        final Function<GenerateDataKeyRequest.Builder, GenerateDataKeyRequest.Builder> spec;
        final int length;

        DataKeySize(Function<GenerateDataKeyRequest.Builder, GenerateDataKeyRequest.Builder> spec, int length) {
            this.spec = spec;
            this.length = length;
        }
    }

    @ParameterizedTest
    @EnumSource(DataKeySize.class)
    void generateDataKeyReturnsAPlaintextOfTheRequestedLength(DataKeySize size) {
        Key key = newKey();

        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> size.spec.apply(b.keyId(key.id())));

        assertThat(dataKey.plaintext().asByteArray()).hasSize(size.length);
        assertThat(dataKey.keyId()).isEqualTo(key.arn());
    }

    @ParameterizedTest
    @EnumSource(DataKeySize.class)
    void generatedDataKeyCiphertextDecryptsToItsPlaintext(DataKeySize size) {
        Key key = newKey();
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> size.spec.apply(b.keyId(key.id())
                .encryptionContext(Map.of("use", "data-key"))));

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                .encryptionContext(Map.of("use", "data-key")));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(dataKey.plaintext().asByteArray());
    }

    /** Envelope encryption as clients do it: data sealed locally with JCA, the data key recovered through Trent. */
    @ParameterizedTest
    @EnumSource(value = DataKeySize.class, names = {"AES_256", "AES_128"})
    void dataKeyWorksAsAnAesKeyInJca(DataKeySize size) throws Exception {
        Key key = newKey();
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> size.spec.apply(b.keyId(key.id())));
        byte[] data = "envelope encrypted with a KMS data key".getBytes(StandardCharsets.UTF_8);
        byte[] iv = randomBytes(12);
        Cipher sealer = Cipher.getInstance("AES/GCM/NoPadding");
        sealer.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey.plaintext().asByteArray(), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] sealed = sealer.doFinal(data);
        SdkBytes storedKey = dataKey.ciphertextBlob(); // kept beside the data; the plaintext key is forgotten

        byte[] recoveredKey = kms.decrypt(b -> b.ciphertextBlob(storedKey)).plaintext().asByteArray();
        Cipher opener = Cipher.getInstance("AES/GCM/NoPadding");
        opener.init(Cipher.DECRYPT_MODE, new SecretKeySpec(recoveredKey, "AES"), new GCMParameterSpec(128, iv));

        assertThat(opener.doFinal(sealed)).isEqualTo(data);
    }

    @Test
    void generateDataKeyWithKeySpecAndNumberOfBytesIsValidationError() {
        Key key = newKey();

        assertValidationError(() -> kms.generateDataKey(b -> b.keyId(key.id())
                .keySpec(DataKeySpec.AES_256).numberOfBytes(32)), "Please specify either number of bytes or key spec.");
    }

    @Test
    void generateDataKeyWithNeitherKeySpecNorNumberOfBytesIsValidationError() {
        Key key = newKey();

        assertValidationError(() -> kms.generateDataKey(b -> b.keyId(key.id())),
                "Please specify either number of bytes or key spec.");
    }

    @Test
    void generateDataKeyOfZeroBytesIsValidationError() {
        Key key = newKey();

        assertValidationError(() -> kms.generateDataKey(b -> b.keyId(key.id()).numberOfBytes(0)),
                "1 validation error detected: Value '0' at 'numberOfBytes' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void generateDataKeyOf1025BytesIsValidationError() {
        Key key = newKey();

        assertValidationError(() -> kms.generateDataKey(b -> b.keyId(key.id()).numberOfBytes(1025)),
                "1 validation error detected: Value '1025' at 'numberOfBytes' failed"
                        + " to satisfy constraint: Member must have value less than or equal to 1024");
    }

    /** The SDK's response shape has no Plaintext member, so the check reads the response body Trent sent. */
    @Test
    void generateDataKeyWithoutPlaintextReturnsNoPlaintext() {
        Key key = newKey();
        ResponseBodies bodies = new ResponseBodies();
        try (KmsClient recording = trent.client(ACCOUNT, REGION, bodies)) {
            GenerateDataKeyWithoutPlaintextResponse dataKey = recording.generateDataKeyWithoutPlaintext(
                    b -> b.keyId(key.id()).keySpec(DataKeySpec.AES_256));

            assertThat(bodies.last).contains("\"CiphertextBlob\"").doesNotContain("Plaintext");
            assertThat(dataKey.ciphertextBlob()).isNotNull();
            assertThat(dataKey.keyId()).isEqualTo(key.arn());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataKeySpec.class, names = {"AES_256", "AES_128"})
    void generateDataKeyWithoutPlaintextCiphertextDecryptsToAKeyOfTheSpecLength(DataKeySpec spec) {
        Key key = newKey();
        GenerateDataKeyWithoutPlaintextResponse dataKey = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.id())
                .keySpec(spec));

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()));

        assertThat(decrypted.plaintext().asByteArray()).hasSize(spec == DataKeySpec.AES_256 ? 32 : 16);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1024})
    void generateDataKeyWithoutPlaintextHonoursNumberOfBytes(int numberOfBytes) {
        Key key = newKey();
        GenerateDataKeyWithoutPlaintextResponse dataKey = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.id())
                .numberOfBytes(numberOfBytes));

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()));

        assertThat(decrypted.plaintext().asByteArray()).hasSize(numberOfBytes);
    }

    // ---------------------------------------------------------------- GenerateRandom

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 1024})
    void generateRandomReturnsTheRequestedNumberOfBytes(int numberOfBytes) {
        SdkBytes random = kms.generateRandom(b -> b.numberOfBytes(numberOfBytes)).plaintext();

        assertThat(random.asByteArray()).hasSize(numberOfBytes);
    }

    @Test
    void twoGenerateRandomCallsDiffer() {
        byte[] first = kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray();
        byte[] second = kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void generateRandomOfZeroBytesIsValidationError() {
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(0)),
                "1 validation error detected: Value '0' at 'numberOfBytes' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void generateRandomOf1025BytesIsValidationError() {
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(1025)),
                "1 validation error detected: Value '1025' at 'numberOfBytes' failed"
                        + " to satisfy constraint: Member must have value less than or equal to 1024");
    }

    @Test
    void generateRandomWithoutNumberOfBytesIsValidationError() {
        assertValidationError(() -> kms.generateRandom(b -> { }), "NumberOfBytes is required.");
    }

    // ---------------------------------------------------------------- DryRun

    /** An operation that uses one key; {@code blob} is a ciphertext made under it beforehand. */
    @FunctionalInterface
    interface DryRunCall {
        void call(Key key, SdkBytes blob);
    }

    static Stream<Arguments> dryRunCalls() {
        return Stream.of(
                Arguments.of("Encrypt", (DryRunCall) (key, blob) ->
                        kms.encrypt(b -> b.keyId(key.id()).plaintext(bytes(16)).dryRun(true))),
                Arguments.of("Decrypt", (DryRunCall) (key, blob) ->
                        kms.decrypt(b -> b.ciphertextBlob(blob).dryRun(true))),
                Arguments.of("ReEncrypt", (DryRunCall) (key, blob) ->
                        kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(key.id()).dryRun(true))),
                Arguments.of("GenerateDataKey", (DryRunCall) (key, blob) ->
                        kms.generateDataKey(b -> b.keyId(key.id()).keySpec(DataKeySpec.AES_256).dryRun(true))),
                Arguments.of("GenerateDataKeyWithoutPlaintext", (DryRunCall) (key, blob) ->
                        kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.id()).keySpec(DataKeySpec.AES_256)
                                .dryRun(true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dryRunCalls")
    void dryRunOfAnAllowedCallIsDryRunOperation(String operation, DryRunCall call) {
        Key key = newKey();
        SdkBytes blob = encrypt(key, randomBytes(16), Map.of());

        assertAwsError(() -> call.call(key, blob), DryRunOperationException.class, "DryRunOperationException",
                DRY_RUN_MESSAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dryRunCalls")
    void dryRunOnADisabledKeyIsDisabled(String operation, DryRunCall call) {
        Key key = newKey();
        SdkBytes blob = encrypt(key, randomBytes(16), Map.of());
        kms.disableKey(b -> b.keyId(key.id()));

        assertAwsError(() -> call.call(key, blob), DisabledException.class, "DisabledException",
                key.arn() + " is disabled.");
    }

    // ---------------------------------------------------------------- ciphertext format

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 4096})
    void ciphertextFollowsTheDocumentedFormat(int plaintextLength) {
        Key key = newKey();
        String materialId = describe(key).currentKeyMaterialId();

        byte[] blob = encrypt(key, randomBytes(plaintextLength), Map.of()).asByteArray();

        ParsedBlob parsed = ParsedBlob.parse(blob);
        byte[] arn = key.arn().getBytes(StandardCharsets.UTF_8);
        assertThat(parsed.version()).isEqualTo(1);
        assertThat(parsed.arnLength()).isEqualTo(arn.length);
        assertThat(parsed.arn()).isEqualTo(key.arn());
        assertThat(parsed.materialIdHex()).isEqualTo(materialId);
        assertThat(blob).hasSize(47 + arn.length + plaintextLength + 16);
    }

    @Test
    void ciphertextOfAOneBytePlaintextUnderAStandardKeyIs139Bytes() {
        Key key = newKey();

        byte[] blob = encrypt(key, randomBytes(1), Map.of()).asByteArray();

        assertThat(blob).hasSize(139);
    }

    /** docs/ciphertext-format.md, read independently of Trent's own parser. */
    record ParsedBlob(int version, int arnLength, String arn, String materialIdHex, byte[] iv, byte[] rest) {
        static ParsedBlob parse(byte[] blob) {
            ByteBuffer in = ByteBuffer.wrap(blob);
            int version = in.get() & 0xff;
            int arnLength = in.getShort() & 0xffff;
            byte[] arn = new byte[arnLength];
            in.get(arn);
            byte[] materialId = new byte[32];
            in.get(materialId);
            byte[] iv = new byte[12];
            in.get(iv);
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            return new ParsedBlob(version, arnLength, new String(arn, StandardCharsets.UTF_8),
                    HexFormat.of().formatHex(materialId), iv, rest);
        }
    }

    // ---------------------------------------------------------------- helpers

    record Key(String id, String arn, String alias) {
    }

    private static Key newKey() {
        KeyMetadata metadata = TestKeys.newKey(kms);
        return new Key(metadata.keyId(), metadata.arn(), null);
    }

    private static Key newKeyWithAlias() {
        Key key = newKey();
        String alias = "alias/crypto-" + UUID.randomUUID();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.id()));
        return new Key(key.id(), key.arn(), alias);
    }
    private static KeyMetadata describe(Key key) {
        return kms.describeKey(b -> b.keyId(key.id())).keyMetadata();
    }

    private static SdkBytes encrypt(Key key, byte[] plaintext, Map<String, String> context) {
        return kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(context)).ciphertextBlob();
    }

    private static SdkBytes bytes(int length) {
        return SdkBytes.fromByteArray(randomBytes(length));
    }

    /** AWS sends InvalidCiphertextException without a message. */
    private static void assertInvalidCiphertext(ThrowingCallable call) {
        assertAwsErrorWithoutMessage(call, InvalidCiphertextException.class, "InvalidCiphertextException");
    }
}
