package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;
import static dev.trent.support.TestBytes.randomBytes;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * Sign and Verify through the AWS SDK against a real Trent, for every key spec, signing algorithm
 * and message type AWS allows. Every signature Trent makes is verified offline, with JCA (JDK or
 * BouncyCastle's provider) and the public key GetPublicKey gives, over the original message: this
 * checks at the same time the algorithm, its encoding and what AWS does with a DIGEST or an
 * EXTERNAL_MU. The private key never leaves KMS, so Trent's Verify is checked against its own
 * signatures, given with the message type they were made with and with the other form of the same
 * message where AWS allows it ("The message type does not need to be the same as the one used for
 * signing").
 */
class SigningTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    /** SM2 keys exist only in the China Regions. */
    private static final String CHINA = TrentServer.CHINA_REGION;
    private static final Provider BC = new BouncyCastleProvider();
    /** The SM2 distinguishing ID KMS uses for RAW messages (GM/T 0009-2012). */
    private static final byte[] SM2_DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final List<String> RSA_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096");
    private static final List<String> RSA_ALGORITHMS = List.of("RSASSA_PKCS1_V1_5_SHA_256",
            "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
            "RSASSA_PSS_SHA_512");
    private static final List<String> ML_DSA_SPECS = List.of("ML_DSA_44", "ML_DSA_65", "ML_DSA_87");

    private static KmsClient kms;
    private static KmsClient chinaKms;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        chinaKms = trent.china();
    }


    // ---------------------------------------------------------------- the cases AWS allows

    /** A key spec, one of its signing algorithms and a message type AWS accepts for them. */
    record Case(String keySpec, String algorithm, String messageType) {
        /**
         * The other message type that names the same message for Verify, where AWS allows one:
         * the digest of a RAW message and the other way round; ML-DSA's RAW message and its mu.
         * Ed25519 has none: each algorithm takes one message type only.
         */
        String otherMessageType() {
            if (keySpec.startsWith("ML_DSA_")) {
                return messageType.equals("RAW") ? "EXTERNAL_MU" : "RAW";
            }
            return messageType.equals("RAW") ? "DIGEST" : "RAW";
        }

        @Override
        public String toString() {
            return keySpec + " " + algorithm + " " + messageType;
        }
    }

    static Stream<Case> allowedCases() {
        Stream.Builder<Case> cases = Stream.builder();
        for (String spec : RSA_SPECS) {
            for (String algorithm : RSA_ALGORITHMS) {
                cases.add(new Case(spec, algorithm, "RAW")).add(new Case(spec, algorithm, "DIGEST"));
            }
        }
        for (String[] ecdsa : new String[][] {{"ECC_NIST_P256", "ECDSA_SHA_256"}, {"ECC_NIST_P384", "ECDSA_SHA_384"},
                {"ECC_NIST_P521", "ECDSA_SHA_512"}, {"ECC_SECG_P256K1", "ECDSA_SHA_256"}, {"SM2", "SM2DSA"}}) {
            cases.add(new Case(ecdsa[0], ecdsa[1], "RAW")).add(new Case(ecdsa[0], ecdsa[1], "DIGEST"));
        }
        cases.add(new Case("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "RAW"));
        cases.add(new Case("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", "DIGEST"));
        for (String spec : ML_DSA_SPECS) {
            cases.add(new Case(spec, "ML_DSA_SHAKE_256", "RAW")).add(new Case(spec, "ML_DSA_SHAKE_256", "EXTERNAL_MU"));
        }
        return cases.build();
    }

    /**
     * The allowed cases with one RSA size only, for the signatures Verify refuses: the size of the
     * modulus does not change how a wrong signature is found out, and RSA_4096 keys are slow to make.
     */
    static Stream<Case> casesForRefusals() {
        return allowedCases().filter(c -> !c.keySpec().equals("RSA_3072") && !c.keySpec().equals("RSA_4096"));
    }

    static Stream<Case> casesWithAnotherMessageTypeForVerify() {
        return allowedCases().filter(c -> !c.keySpec().equals("ECC_NIST_EDWARDS25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void signAnswersTheKeyArnAndTheSigningAlgorithm(Case c) {
        SigningKey key = signingKey(c.keySpec());

        SignResponse signed = key.kms().sign(b -> b.keyId(key.id()).message(bytes(key.messageOf(c, message())))
                .messageType(c.messageType()).signingAlgorithm(c.algorithm()));

        assertThat(signed.keyId()).isEqualTo(key.arn());
        assertThat(signed.signingAlgorithmAsString()).isEqualTo(c.algorithm());
        assertThat(signed.signature()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void signatureVerifiesOfflineOverTheOriginalMessage(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] message = message();

        byte[] signature = key.sign(c, key.messageOf(c, message));

        assertThat(verifyOffline(c, key.publicKey(), message, signature))
                .as("offline verification of a %s signature", c).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void signatureHasTheEncodingAwsDocuments(Case c) {
        SigningKey key = signingKey(c.keySpec());

        byte[] signature = key.sign(c, key.messageOf(c, message()));

        assertAwsEncoding(c.keySpec(), key.publicKey(), signature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void verifyAcceptsTheSignatureOfTheSameMessageAndType(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] signed = key.messageOf(c, message());
        byte[] signature = key.sign(c, signed);

        VerifyResponse verified = key.kms().verify(b -> b.keyId(key.id()).message(bytes(signed))
                .messageType(c.messageType()).signingAlgorithm(c.algorithm()).signature(bytes(signature)));

        assertThat(verified.signatureValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertThat(verified.signingAlgorithmAsString()).isEqualTo(c.algorithm());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithAnotherMessageTypeForVerify")
    void verifyAcceptsTheSameMessageGivenWithTheOtherMessageType(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] message = message();
        byte[] signature = key.sign(c, key.messageOf(c, message));
        Case other = new Case(c.keySpec(), c.algorithm(), c.otherMessageType());

        VerifyResponse verified = key.kms().verify(b -> b.keyId(key.id()).message(bytes(key.messageOf(other, message)))
                .messageType(other.messageType()).signingAlgorithm(c.algorithm()).signature(bytes(signature)));

        assertThat(verified.signatureValid()).isTrue();
    }

    static Stream<Case> rawCasesOfEveryAlgorithmFamily() {
        return Stream.of(new Case("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", "RAW"),
                new Case("RSA_2048", "RSASSA_PSS_SHA_512", "RAW"), new Case("ECC_NIST_P521", "ECDSA_SHA_512", "RAW"),
                new Case("ECC_SECG_P256K1", "ECDSA_SHA_256", "RAW"), new Case("SM2", "SM2DSA", "RAW"),
                new Case("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "RAW"),
                new Case("ML_DSA_44", "ML_DSA_SHAKE_256", "RAW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCasesOfEveryAlgorithmFamily")
    void signWithoutMessageTypeSignsTheRawMessage(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] message = message();

        byte[] signature = key.kms().sign(b -> b.keyId(key.id()).message(bytes(message))
                .signingAlgorithm(c.algorithm())).signature().asByteArray();

        assertThat(verifyOffline(c, key.publicKey(), message, signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCasesOfEveryAlgorithmFamily")
    void signsAMessageOfTheMaximumLength(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] message = randomBytes(4096);

        byte[] signature = key.sign(c, message);

        assertThat(verifyOffline(c, key.publicKey(), message, signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCasesOfEveryAlgorithmFamily")
    void signsAOneByteMessage(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] message = {42};

        byte[] signature = key.sign(c, message);

        assertThat(verifyOffline(c, key.publicKey(), message, signature)).isTrue();
    }

    // ---------------------------------------------------------------- signatures Verify refuses

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesForRefusals")
    void verifyRefusesASignatureWithOneBitFlipped(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] signed = key.messageOf(c, message());
        byte[] signature = key.sign(c, signed);
        signature[signature.length / 2] ^= 0x10;

        assertAwsErrorWithoutMessage(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(signed))
                        .messageType(c.messageType()).signingAlgorithm(c.algorithm()).signature(bytes(signature))),
                KmsInvalidSignatureException.class, "KMSInvalidSignatureException");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesForRefusals")
    void verifyRefusesTheSignatureOfAnotherMessage(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] signature = key.sign(c, key.messageOf(c, message()));
        byte[] another = key.messageOf(c, message());

        assertAwsErrorWithoutMessage(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(another))
                        .messageType(c.messageType()).signingAlgorithm(c.algorithm()).signature(bytes(signature))),
                KmsInvalidSignatureException.class, "KMSInvalidSignatureException");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesForRefusals")
    void verifyRefusesGarbageBytesAsSignature(Case c) {
        SigningKey key = signingKey(c.keySpec());
        byte[] signed = key.messageOf(c, message());

        assertAwsErrorWithoutMessage(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(signed))
                        .messageType(c.messageType()).signingAlgorithm(c.algorithm())
                        .signature(SdkBytes.fromUtf8String("this is not a signature"))),
                KmsInvalidSignatureException.class, "KMSInvalidSignatureException");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCasesOfEveryAlgorithmFamily")
    void verifyRefusesTheSignatureOfAnotherKeyOfTheSameSpec(Case c) {
        SigningKey key = signingKey(c.keySpec());
        SigningKey other = newSigningKey(c.keySpec());
        byte[] message = message();
        byte[] signature = other.sign(c, message);

        assertAwsErrorWithoutMessage(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(message))
                        .messageType("RAW").signingAlgorithm(c.algorithm()).signature(bytes(signature))),
                KmsInvalidSignatureException.class, "KMSInvalidSignatureException");
    }

    // ---------------------------------------------------------------- message validation

    /** Each key spec with each algorithm that takes a DIGEST, and its digest length. */
    static Stream<Arguments> digestAlgorithms() {
        Stream.Builder<Arguments> algorithms = Stream.builder();
        for (String algorithm : RSA_ALGORITHMS) {
            algorithms.add(Arguments.of("RSA_2048", algorithm, hashBits(algorithm) / 8));
        }
        return Stream.concat(algorithms.build(), Stream.of(Arguments.of("ECC_NIST_P256", "ECDSA_SHA_256", 32),
                Arguments.of("ECC_NIST_P384", "ECDSA_SHA_384", 48), Arguments.of("ECC_NIST_P521", "ECDSA_SHA_512", 64),
                Arguments.of("ECC_SECG_P256K1", "ECDSA_SHA_256", 32),
                Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", 64), Arguments.of("SM2", "SM2DSA", 32)));
    }

    /** Digests one byte short and one byte long, and one of another SHA-2 length, for each algorithm. */
    static Stream<Arguments> digestsOfTheWrongLength() {
        return digestAlgorithms().flatMap(a -> {
            String spec = (String) a.get()[0];
            String algorithm = (String) a.get()[1];
            int length = (Integer) a.get()[2];
            return Stream.of(length - 1, length + 1, length == 32 ? 48 : 32)
                    .map(wrong -> Arguments.of(spec, algorithm, wrong));
        });
    }

    @ParameterizedTest(name = "{0} {1}, {2}-byte digest")
    @MethodSource("digestsOfTheWrongLength")
    void signRefusesADigestOfTheWrongLength(String spec, String algorithm, int length) {
        SigningKey key = signingKey(spec);

        assertValidationError(() -> key.kms().sign(b -> b.keyId(key.id()).message(bytes(randomBytes(length)))
                .messageType("DIGEST").signingAlgorithm(algorithm)),
                "Digest is invalid length for algorithm " + algorithm + ".");
    }

    @ParameterizedTest(name = "{0} {1}, {2}-byte digest")
    @MethodSource("digestsOfTheWrongLength")
    void verifyRefusesADigestOfTheWrongLength(String spec, String algorithm, int length) {
        SigningKey key = signingKey(spec);
        Case c = new Case(spec, algorithm, "DIGEST");
        byte[] signature = key.sign(c, key.messageOf(c, message()));

        assertValidationError(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(randomBytes(length)))
                .messageType("DIGEST").signingAlgorithm(algorithm).signature(bytes(signature))),
                "Digest is invalid length for algorithm " + algorithm + ".");
    }

    @Test
    void signRefusesAMessageLongerThan4096Bytes() {
        SigningKey key = signingKey("RSA_2048");

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(randomBytes(4097)))
                .messageType("RAW").signingAlgorithm("RSASSA_PSS_SHA_256")),
                "1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
    }

    @Test
    void verifyRefusesAMessageLongerThan4096Bytes() {
        SigningKey key = signingKey("ECC_NIST_P256");
        Case c = new Case("ECC_NIST_P256", "ECDSA_SHA_256", "RAW");
        byte[] signature = key.sign(c, message());

        assertValidationError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(randomBytes(4097)))
                .messageType("RAW").signingAlgorithm("ECDSA_SHA_256").signature(bytes(signature))),
                "1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
    }

    @Test
    void signRefusesAnEmptyMessage() {
        SigningKey key = signingKey("ECC_NIST_P256");

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(new byte[0]))
                .messageType("RAW").signingAlgorithm("ECDSA_SHA_256")),
                "1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void signWithAnMlDsaKeyRefusesADigest(String spec) {
        SigningKey key = signingKey(spec);

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(randomBytes(64)))
                .messageType("DIGEST").signingAlgorithm("ML_DSA_SHAKE_256")),
                "Message type DIGEST is incompatible with key spec " + spec + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void verifyWithAnMlDsaKeyRefusesADigest(String spec) {
        SigningKey key = signingKey(spec);
        Case c = new Case(spec, "ML_DSA_SHAKE_256", "RAW");
        byte[] signature = key.sign(c, message());

        assertValidationError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(randomBytes(64)))
                .messageType("DIGEST").signingAlgorithm("ML_DSA_SHAKE_256").signature(bytes(signature))),
                "Message type DIGEST is incompatible with key spec " + spec + ".");
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 65, 32})
    void signRefusesAnExternalMuThatIsNot64Bytes(int length) {
        SigningKey key = signingKey("ML_DSA_65");

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(randomBytes(length)))
                .messageType("EXTERNAL_MU").signingAlgorithm("ML_DSA_SHAKE_256")),
                "External Mu is invalid length for algorithm ML_DSA_SHAKE_256.");
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 65})
    void verifyRefusesAnExternalMuThatIsNot64Bytes(int length) {
        SigningKey key = signingKey("ML_DSA_44");
        Case c = new Case("ML_DSA_44", "ML_DSA_SHAKE_256", "RAW");
        byte[] signature = key.sign(c, message());

        assertValidationError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(randomBytes(length)))
                .messageType("EXTERNAL_MU").signingAlgorithm("ML_DSA_SHAKE_256").signature(bytes(signature))),
                "External Mu is invalid length for algorithm ML_DSA_SHAKE_256.");
    }

    @Test
    void signWithEd25519Sha512RefusesADigest() {
        SigningKey key = signingKey("ECC_NIST_EDWARDS25519");

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(sha(512, message())))
                .messageType("DIGEST").signingAlgorithm("ED25519_SHA_512")),
                "Message type DIGEST is incompatible with algorithm ED25519_SHA_512.");
    }

    @Test
    void signWithEd25519PhSha512RefusesARawMessage() {
        SigningKey key = signingKey("ECC_NIST_EDWARDS25519");

        assertValidationError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(message()))
                .messageType("RAW").signingAlgorithm("ED25519_PH_SHA_512")),
                "Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.");
    }

    @Test
    void verifyWithEd25519Sha512RefusesADigest() {
        SigningKey key = signingKey("ECC_NIST_EDWARDS25519");
        byte[] message = message();
        byte[] signature = key.sign(new Case("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "RAW"), message);

        assertValidationError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(sha(512, message)))
                .messageType("DIGEST").signingAlgorithm("ED25519_SHA_512").signature(bytes(signature))),
                "Message type DIGEST is incompatible with algorithm ED25519_SHA_512.");
    }

    @Test
    void verifyWithEd25519PhSha512RefusesARawMessage() {
        SigningKey key = signingKey("ECC_NIST_EDWARDS25519");
        byte[] message = message();
        byte[] signature = key.sign(new Case("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", "DIGEST"),
                sha(512, message));

        assertValidationError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(message))
                .messageType("RAW").signingAlgorithm("ED25519_PH_SHA_512").signature(bytes(signature))),
                "Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.");
    }

    // ---------------------------------------------------------------- keys and algorithms that do not fit

    /** A key spec and a signing algorithm AWS does not support for it, with a RAW message. */
    static Stream<Arguments> algorithmsOfAnotherKeySpec() {
        return Stream.of(Arguments.of("RSA_2048", "ECDSA_SHA_256"), Arguments.of("RSA_3072", "ML_DSA_SHAKE_256"),
                Arguments.of("RSA_4096", "ED25519_SHA_512"), Arguments.of("RSA_2048", "SM2DSA"),
                Arguments.of("ECC_NIST_P256", "ECDSA_SHA_384"), Arguments.of("ECC_NIST_P256", "RSASSA_PSS_SHA_256"),
                Arguments.of("ECC_NIST_P384", "ECDSA_SHA_256"), Arguments.of("ECC_NIST_P521", "ECDSA_SHA_384"),
                Arguments.of("ECC_SECG_P256K1", "ECDSA_SHA_384"), Arguments.of("ECC_SECG_P256K1", "SM2DSA"),
                Arguments.of("ECC_NIST_EDWARDS25519", "ECDSA_SHA_512"),
                Arguments.of("ECC_NIST_P256", "ED25519_SHA_512"), Arguments.of("ML_DSA_44", "ECDSA_SHA_256"),
                Arguments.of("ML_DSA_87", "RSASSA_PKCS1_V1_5_SHA_512"), Arguments.of("SM2", "ECDSA_SHA_256"),
                Arguments.of("SM2", "RSASSA_PSS_SHA_256"));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("algorithmsOfAnotherKeySpec")
    void signRefusesAnAlgorithmTheKeySpecDoesNotSupport(String spec, String algorithm) {
        SigningKey key = signingKey(spec);

        assertAwsError(() -> key.kms().sign(b -> b.keyId(key.id()).message(bytes(message())).messageType("RAW")
                .signingAlgorithm(algorithm)), InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("algorithmsOfAnotherKeySpec")
    void verifyRefusesAnAlgorithmTheKeySpecDoesNotSupport(String spec, String algorithm) {
        SigningKey key = signingKey(spec);

        assertAwsError(() -> key.kms().verify(b -> b.keyId(key.id()).message(bytes(message())).messageType("RAW")
                .signingAlgorithm(algorithm).signature(bytes(randomBytes(64)))), InvalidKeyUsageException.class,
                "InvalidKeyUsageException", "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".");
    }

    /** Keys that are not signing keys: how to make one, and its key usage. */
    static Stream<Arguments> keysOfAnotherUsage() {
        return Stream.of(Arguments.of("RSA_2048", "ENCRYPT_DECRYPT"), Arguments.of("HMAC_256", "GENERATE_VERIFY_MAC"),
                Arguments.of("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"), Arguments.of("ECC_NIST_P256", "KEY_AGREEMENT"),
                Arguments.of("ML_KEM_768", "ENCAPSULATE_DECAPSULATE"), Arguments.of("SM2", "ENCRYPT_DECRYPT"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keysOfAnotherUsage")
    void signRefusesAKeyWhoseUsageIsNotSignVerify(String spec, String usage) {
        KmsClient client = clientFor(spec);
        String keyId = client.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();

        assertAwsError(() -> client.sign(b -> b.keyId(keyId).message(bytes(message())).messageType("RAW")
                .signingAlgorithm("RSASSA_PSS_SHA_256")), InvalidKeyUsageException.class, "InvalidKeyUsageException",
                arn(spec, keyId) + " key usage is " + usage + " which is not valid for Sign.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keysOfAnotherUsage")
    void verifyRefusesAKeyWhoseUsageIsNotSignVerify(String spec, String usage) {
        KmsClient client = clientFor(spec);
        String keyId = client.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();

        assertAwsError(() -> client.verify(b -> b.keyId(keyId).message(bytes(message())).messageType("RAW")
                .signingAlgorithm("RSASSA_PSS_SHA_256").signature(bytes(randomBytes(256)))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                arn(spec, keyId) + " key usage is " + usage + " which is not valid for Verify.");
    }

    // ---------------------------------------------------------------- key state, DryRun, regions

    @Test
    void signWithADisabledKeyIsDisabled() {
        SigningKey key = newSigningKey("ECC_NIST_P256");
        kms.disableKey(b -> b.keyId(key.id()));

        assertAwsError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(message())).messageType("RAW")
                .signingAlgorithm("ECDSA_SHA_256")), DisabledException.class, "DisabledException",
                key.arn() + " is disabled.");
    }

    @Test
    void verifyWithADisabledKeyIsDisabled() {
        SigningKey key = newSigningKey("RSA_2048");
        Case c = new Case("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", "RAW");
        byte[] message = message();
        byte[] signature = key.sign(c, message);
        kms.disableKey(b -> b.keyId(key.id()));

        assertAwsError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(message)).messageType("RAW")
                .signingAlgorithm(c.algorithm()).signature(bytes(signature))), DisabledException.class,
                "DisabledException", key.arn() + " is disabled.");
    }

    @Test
    void signWithDryRunIsDryRunOperation() {
        SigningKey key = signingKey("ECC_NIST_P384");

        assertAwsError(() -> kms.sign(b -> b.keyId(key.id()).message(bytes(message())).messageType("RAW")
                .signingAlgorithm("ECDSA_SHA_384").dryRun(true)), DryRunOperationException.class,
                "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    @Test
    void verifyWithDryRunIsDryRunOperation() {
        SigningKey key = signingKey("ECC_NIST_EDWARDS25519");
        Case c = new Case("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "RAW");
        byte[] message = message();
        byte[] signature = key.sign(c, message);

        assertAwsError(() -> kms.verify(b -> b.keyId(key.id()).message(bytes(message)).messageType("RAW")
                .signingAlgorithm(c.algorithm()).signature(bytes(signature)).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    @Test
    void createKeyOfSpecSm2OutsideChinaIsUnsupported() {
        assertAwsError(() -> kms.createKey(b -> b.keySpec("SM2").keyUsage("SIGN_VERIFY")),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "KeySpec SM2 is not supported in this Region");
    }

    // ---------------------------------------------------------------- keys

    /** A new signing key of Trent's, the client of its region and its public key. */
    record SigningKey(KmsClient kms, String id, String arn, byte[] publicKey) {
        byte[] sign(Case c, byte[] message) {
            return kms.sign(b -> b.keyId(id).message(bytes(message)).messageType(c.messageType())
                    .signingAlgorithm(c.algorithm())).signature().asByteArray();
        }

        /** What to send as Message for this case to sign the original message {@code m}. */
        byte[] messageOf(Case c, byte[] m) {
            return switch (c.messageType()) {
                case "RAW" -> m;
                case "DIGEST" -> c.algorithm().equals("SM2DSA") ? sm2Digest(publicKey, m)
                        : sha(hashBits(c.algorithm()), m);
                case "EXTERNAL_MU" -> mlDsaMu(publicKey, m);
                default -> throw new IllegalArgumentException(c.messageType());
            };
        }
    }

    private static final Map<String, SigningKey> SHARED_KEYS = new ConcurrentHashMap<>();

    /**
     * The shared signing key of a spec, for the tests that only sign and verify with it: RSA keys
     * take seconds to make, and a key is not changed by being used.
     */
    private static SigningKey signingKey(String spec) {
        return SHARED_KEYS.computeIfAbsent(spec, SigningTest::newSigningKey);
    }

    private static SigningKey newSigningKey(String spec) {
        KmsClient client = clientFor(spec);
        String keyId = client.createKey(b -> b.keySpec(spec).keyUsage("SIGN_VERIFY")).keyMetadata().keyId();
        byte[] publicKey = client.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
        return new SigningKey(client, keyId, arn(spec, keyId), publicKey);
    }

    private static KmsClient clientFor(String spec) {
        return spec.equals("SM2") ? chinaKms : kms;
    }

    /** The key ARN AWS gives a key of this spec made by the test account, in its region and partition. */
    private static String arn(String spec, String keyId) {
        return spec.equals("SM2")
                ? "arn:aws-cn:kms:" + CHINA + ":" + TrentServer.ACCOUNT + ":key/" + keyId
                : "arn:aws:kms:" + TrentServer.REGION + ":" + TrentServer.ACCOUNT + ":key/" + keyId;
    }

    // ---------------------------------------------------------------- independent cryptography

    /**
     * Verifies a KMS signature of {@code message} (the original message, whatever the message type
     * the signature was made with) with JCA: the JDK's providers where they can, BouncyCastle's
     * provider for secp256k1, SM2 and ML-DSA.
     */
    private static boolean verifyOffline(Case c, byte[] spki, byte[] message, byte[] signature) {
        try {
            X509EncodedKeySpec keySpec = new X509EncodedKeySpec(spki);
            String spec = c.keySpec();
            String algorithm = c.algorithm();
            PublicKey key;
            Signature verifier;
            byte[] input = message;
            if (spec.startsWith("RSA_")) {
                key = KeyFactory.getInstance("RSA").generatePublic(keySpec);
                int bits = hashBits(algorithm);
                if (algorithm.startsWith("RSASSA_PSS_")) {
                    // AWS: MGF1 with the message's hash, salt as long as the hash.
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1",
                            new MGF1ParameterSpec("SHA-" + bits), bits / 8, PSSParameterSpec.TRAILER_FIELD_BC));
                } else {
                    verifier = Signature.getInstance("SHA" + bits + "withRSA");
                }
            } else if (spec.startsWith("ECC_NIST_P")) {
                key = KeyFactory.getInstance("EC").generatePublic(keySpec);
                verifier = Signature.getInstance("SHA" + hashBits(algorithm) + "withECDSA");
            } else if (spec.equals("ECC_SECG_P256K1")) {
                key = KeyFactory.getInstance("EC", BC).generatePublic(keySpec);
                verifier = Signature.getInstance("SHA256withECDSA", BC);
            } else if (spec.equals("ECC_NIST_EDWARDS25519")) {
                key = KeyFactory.getInstance("Ed25519").generatePublic(keySpec);
                verifier = Signature.getInstance("Ed25519");
                if (algorithm.equals("ED25519_PH_SHA_512")) {
                    // Ed25519ph (RFC 8032), empty context, over the 64-byte digest the caller sent.
                    verifier.setParameter(new EdDSAParameterSpec(true));
                    input = sha(512, message);
                }
            } else if (spec.equals("SM2")) {
                key = KeyFactory.getInstance("EC", BC).generatePublic(keySpec);
                verifier = Signature.getInstance("SM3withSM2", BC); // default ID 1234567812345678
            } else if (spec.startsWith("ML_DSA_")) {
                key = KeyFactory.getInstance("ML-DSA", BC).generatePublic(keySpec);
                verifier = Signature.getInstance("ML-DSA", BC); // pure ML-DSA, empty context
            } else {
                throw new IllegalArgumentException(spec);
            }
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("offline verification of " + c + " failed: " + e, e);
        }
    }

    /**
     * The encoding AWS documents for the signature: RSA's is as long as the modulus (RFC 8017);
     * ECDSA and SM2DSA give a DER SEQUENCE of two INTEGERs (RFC 3279); Ed25519 64 bytes; ML-DSA
     * the raw FIPS 204 signature of 2420, 3309 or 4627 bytes.
     */
    private static void assertAwsEncoding(String spec, byte[] spki, byte[] signature) {
        if (spec.startsWith("RSA_")) {
            int modulusBits = Integer.parseInt(spec.substring(4));
            assertThat(signature).hasSize(modulusBits / 8);
            assertThat(rsaModulus(spki).bitLength()).isEqualTo(modulusBits);
        } else if (spec.startsWith("ECC_NIST_P") || spec.equals("ECC_SECG_P256K1") || spec.equals("SM2")) {
            ASN1Sequence sequence;
            try {
                sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
                assertThat(sequence.getEncoded("DER")).as("DER encoding").isEqualTo(signature);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(sequence.size()).isEqualTo(2);
            assertThat(sequence.getObjectAt(0)).isInstanceOf(ASN1Integer.class);
            assertThat(sequence.getObjectAt(1)).isInstanceOf(ASN1Integer.class);
        } else if (spec.equals("ECC_NIST_EDWARDS25519")) {
            assertThat(signature).hasSize(64);
        } else {
            int expected = switch (spec) {
                case "ML_DSA_44" -> 2420;
                case "ML_DSA_65" -> 3309;
                case "ML_DSA_87" -> 4627;
                default -> throw new IllegalArgumentException(spec);
            };
            assertThat(signature).hasSize(expected);
        }
    }

    private static BigInteger rsaModulus(byte[] spki) {
        try {
            return ((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki)))
                    .getModulus();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The SHA-2 length of the algorithm's hash, from the suffix of its AWS name. */
    private static int hashBits(String algorithm) {
        if (algorithm.endsWith("_SHA_256")) {
            return 256;
        }
        if (algorithm.endsWith("_SHA_384")) {
            return 384;
        }
        if (algorithm.endsWith("_SHA_512")) {
            return 512;
        }
        throw new IllegalArgumentException(algorithm);
    }

    private static byte[] sha(int bits, byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-" + bits).digest(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * SM2DSA's e = SM3(Z || M) with Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA) and the
     * default ID, as AWS's SM2OfflineOperationHelper computes it (GM/T 0003.2).
     */
    private static byte[] sm2Digest(byte[] spki, byte[] message) {
        X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
        ECPoint q = curve.getCurve().decodePoint(SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes())
                .normalize();
        ECPoint g = curve.getG().normalize();
        SM3Digest sm3 = new SM3Digest();
        int entl = SM2_DEFAULT_ID.length * 8;
        sm3.update((byte) (entl >> 8));
        sm3.update((byte) entl);
        update(sm3, SM2_DEFAULT_ID);
        update(sm3, curve.getCurve().getA().getEncoded());
        update(sm3, curve.getCurve().getB().getEncoded());
        update(sm3, g.getAffineXCoord().getEncoded());
        update(sm3, g.getAffineYCoord().getEncoded());
        update(sm3, q.getAffineXCoord().getEncoded());
        update(sm3, q.getAffineYCoord().getEncoded());
        byte[] z = new byte[sm3.getDigestSize()];
        sm3.doFinal(z, 0);
        update(sm3, z);
        update(sm3, message);
        byte[] e = new byte[sm3.getDigestSize()];
        sm3.doFinal(e, 0);
        return e;
    }

    private static void update(SM3Digest digest, byte[] bytes) {
        digest.update(bytes, 0, bytes.length);
    }

    /**
     * ML-DSA's message representative for pure ML-DSA with an empty context (FIPS 204 Algorithm 2
     * and 7): tr = SHAKE256(pk, 64), mu = SHAKE256(tr || 0x00 || 0x00 || M, 64), pk the raw public
     * key inside the SubjectPublicKeyInfo.
     */
    private static byte[] mlDsaMu(byte[] spki, byte[] message) {
        byte[] rawPublicKey = SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(rawPublicKey, 0, rawPublicKey.length);
        byte[] tr = new byte[64];
        shake.doFinal(tr, 0, tr.length);
        shake.update(tr, 0, tr.length);
        shake.update((byte) 0);
        shake.update((byte) 0);
        shake.update(message, 0, message.length);
        byte[] mu = new byte[64];
        shake.doFinal(mu, 0, mu.length);
        return mu;
    }

    private static byte[] message() {
        return randomBytes(300);
    }

    private static SdkBytes bytes(byte[] bytes) {
        return SdkBytes.fromByteArray(Arrays.copyOf(bytes, bytes.length));
    }
}
