package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * GetPublicKey for every asymmetric key spec and key usage AWS allows, checked against AWS's
 * documented answer and, for the key itself, parsed independently as DER SubjectPublicKeyInfo with
 * BouncyCastle's ASN.1 classes and JCA; and CreateKey's matrix of key specs and key usages.
 */
class PublicKeysTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    /** SM2 keys exist only in the China Regions; ML-KEM keys everywhere but there. */
    private static final String CHINA = TrentServer.CHINA_REGION;
    private static final Provider BC = new BouncyCastleProvider();

    /** Every KeySpec of the API. */
    private static final List<String> KEY_SPECS = List.of("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519", "SM2",
            "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ML_KEM_512",
            "ML_KEM_768", "ML_KEM_1024");
    /** Every KeyUsage of the API. */
    private static final List<String> KEY_USAGES = List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC",
            "KEY_AGREEMENT", "ENCAPSULATE_DECAPSULATE");
    /** The specs the deprecated CustomerMasterKeySpec enum has. */
    private static final Set<String> CUSTOMER_MASTER_KEY_SPECS = Set.of("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072",
            "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "HMAC_224", "HMAC_256",
            "HMAC_384", "HMAC_512", "SM2");

    /**
     * AWS's usages for each key spec and the algorithm list of each (CreateKey's KeyUsage
     * documentation; the lists as DescribeKey and GetPublicKey give them, in AWS's order).
     */
    private static final Map<String, Map<String, List<String>>> ALGORITHMS = algorithms();

    private static Map<String, Map<String, List<String>>> algorithms() {
        Map<String, Map<String, List<String>>> algorithms = new LinkedHashMap<>();
        algorithms.put("SYMMETRIC_DEFAULT", Map.of("ENCRYPT_DECRYPT", List.of("SYMMETRIC_DEFAULT")));
        for (String rsa : List.of("RSA_2048", "RSA_3072", "RSA_4096")) {
            algorithms.put(rsa, Map.of(
                    "ENCRYPT_DECRYPT", List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"),
                    "SIGN_VERIFY", List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
                            "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
                            "RSASSA_PSS_SHA_512")));
        }
        algorithms.put("ECC_NIST_P256", Map.of("SIGN_VERIFY", List.of("ECDSA_SHA_256"), "KEY_AGREEMENT", List.of("ECDH")));
        algorithms.put("ECC_NIST_P384", Map.of("SIGN_VERIFY", List.of("ECDSA_SHA_384"), "KEY_AGREEMENT", List.of("ECDH")));
        algorithms.put("ECC_NIST_P521", Map.of("SIGN_VERIFY", List.of("ECDSA_SHA_512"), "KEY_AGREEMENT", List.of("ECDH")));
        algorithms.put("ECC_SECG_P256K1", Map.of("SIGN_VERIFY", List.of("ECDSA_SHA_256")));
        algorithms.put("ECC_NIST_EDWARDS25519",
                Map.of("SIGN_VERIFY", List.of("ED25519_SHA_512", "ED25519_PH_SHA_512")));
        algorithms.put("SM2", Map.of("ENCRYPT_DECRYPT", List.of("SM2PKE"), "SIGN_VERIFY", List.of("SM2DSA"),
                "KEY_AGREEMENT", List.of("ECDH")));
        for (String bits : List.of("224", "256", "384", "512")) {
            algorithms.put("HMAC_" + bits, Map.of("GENERATE_VERIFY_MAC", List.of("HMAC_SHA_" + bits)));
        }
        for (String mlDsa : List.of("ML_DSA_44", "ML_DSA_65", "ML_DSA_87")) {
            algorithms.put(mlDsa, Map.of("SIGN_VERIFY", List.of("ML_DSA_SHAKE_256")));
        }
        for (String mlKem : List.of("ML_KEM_512", "ML_KEM_768", "ML_KEM_1024")) {
            algorithms.put(mlKem, Map.of("ENCAPSULATE_DECAPSULATE", List.of("ML_KEM")));
        }
        return algorithms;
    }

    private static KmsClient kms;
    private static KmsClient chinaKms;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        chinaKms = trent.china();
    }


    /** A key spec and one of the key usages AWS allows for it. */
    record Combination(String keySpec, String keyUsage) {
        List<String> algorithms() {
            return ALGORITHMS.get(keySpec).get(keyUsage);
        }

        boolean asymmetric() {
            return !keySpec.equals("SYMMETRIC_DEFAULT") && !keySpec.startsWith("HMAC_");
        }

        @Override
        public String toString() {
            return keySpec + " " + keyUsage;
        }
    }

    static Stream<Combination> compatibleCombinations() {
        return ALGORITHMS.entrySet().stream().flatMap(spec -> KEY_USAGES.stream()
                .filter(spec.getValue()::containsKey)
                .map(usage -> new Combination(spec.getKey(), usage)));
    }

    static Stream<Combination> asymmetricCombinations() {
        return compatibleCombinations().filter(Combination::asymmetric);
    }

    static Stream<Combination> incompatibleCombinations() {
        return KEY_SPECS.stream().flatMap(spec -> KEY_USAGES.stream()
                .filter(usage -> !ALGORITHMS.get(spec).containsKey(usage))
                .map(usage -> new Combination(spec, usage)));
    }

    // ---------------------------------------------------------------- GetPublicKey

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void getPublicKeyAnswersTheKeyArnKeySpecAndKeyUsage(Combination c) {
        String keyId = sharedKey(c);

        GetPublicKeyResponse response = client(c.keySpec()).getPublicKey(b -> b.keyId(keyId));

        assertThat(response.keyId()).isEqualTo(arn(c.keySpec(), keyId));
        assertThat(response.keySpecAsString()).isEqualTo(c.keySpec());
        assertThat(response.keyUsageAsString()).isEqualTo(c.keyUsage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void getPublicKeyGivesCustomerMasterKeySpecOnlyForTheSpecsOfTheDeprecatedEnum(Combination c) {
        String keyId = sharedKey(c);

        GetPublicKeyResponse response = client(c.keySpec()).getPublicKey(b -> b.keyId(keyId));

        assertThat(response.customerMasterKeySpecAsString()).isEqualTo(customerMasterKeySpec(c.keySpec()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void getPublicKeyListsTheAlgorithmsOfTheKeyUsageInAwsOrder(Combination c) {
        String keyId = sharedKey(c);

        GetPublicKeyResponse response = client(c.keySpec()).getPublicKey(b -> b.keyId(keyId));

        assertThat(algorithmLists(response).get(listName(c.keyUsage()))).isEqualTo(c.algorithms());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void getPublicKeyHasNoAlgorithmListOfAnotherKeyUsage(Combination c) {
        String keyId = sharedKey(c);

        GetPublicKeyResponse response = client(c.keySpec()).getPublicKey(b -> b.keyId(keyId));

        // AWS: each list is "present only when the KMS key has a KeyUsage value of" its usage; an
        // empty list sent for another usage is not absent.
        assertThat(algorithmLists(response).keySet()).containsExactly(listName(c.keyUsage()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void publicKeyIsDerSubjectPublicKeyInfoWithTheAlgorithmOfTheKeySpec(Combination c) {
        String keyId = sharedKey(c);

        byte[] der = publicKey(c.keySpec(), keyId);

        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(der);
        assertThat(encoded(spki)).as("DER encoding").isEqualTo(der);
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        assertThat(algorithm.getAlgorithm().getId()).isEqualTo(algorithmOid(c.keySpec()));
        assertThat(parameters(algorithm)).isEqualTo(algorithmParameters(c.keySpec()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void publicKeyHasTheSizeOfTheKeySpec(Combination c) {
        String keyId = sharedKey(c);

        byte[] der = publicKey(c.keySpec(), keyId);

        String spec = c.keySpec();
        if (spec.startsWith("RSA_")) {
            RSAPublicKey rsa = (RSAPublicKey) jcaPublicKey("RSA", null, der);
            assertThat(rsa.getModulus().bitLength()).isEqualTo(Integer.parseInt(spec.substring(4)));
        } else if (spec.startsWith("ECC_NIST_P") || spec.equals("ECC_SECG_P256K1") || spec.equals("SM2")) {
            // The JDK parses the NIST curves; secp256k1 and SM2 need BouncyCastle's provider.
            java.security.interfaces.ECPublicKey ec = (java.security.interfaces.ECPublicKey) jcaPublicKey("EC",
                    spec.startsWith("ECC_NIST_P") ? null : BC, der);
            assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(fieldBits(spec));
        } else if (spec.equals("ECC_NIST_EDWARDS25519")) {
            assertThat(der).hasSize(44);
            assertThat(jcaPublicKey("Ed25519", null, der).getAlgorithm()).isIn("Ed25519", "EdDSA");
        } else if (spec.startsWith("ML_DSA_")) {
            assertThat(der).hasSize(Map.of("ML_DSA_44", 1334, "ML_DSA_65", 1974, "ML_DSA_87", 2614).get(spec));
            assertThat(jcaPublicKey("ML-DSA", BC, der).getAlgorithm())
                    .isEqualTo(spec.replace("ML_DSA_", "ML-DSA-"));
        } else {
            assertThat(der).hasSize(Map.of("ML_KEM_512", 822, "ML_KEM_768", 1206, "ML_KEM_1024", 1590).get(spec));
            assertThat(jcaPublicKey("ML-KEM", BC, der).getAlgorithm())
                    .isEqualTo(spec.replace("ML_KEM_", "ML-KEM-"));
        }
    }

    static Stream<Combination> ellipticCurveCombinations() {
        return asymmetricCombinations().filter(c -> c.keySpec().startsWith("ECC_NIST_P")
                || c.keySpec().equals("ECC_SECG_P256K1") || c.keySpec().equals("SM2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ellipticCurveCombinations")
    void ellipticCurvePublicKeyIsAnUncompressedPointOnTheCurve(Combination c) {
        String keyId = sharedKey(c);

        byte[] der = publicKey(c.keySpec(), keyId);

        byte[] point = SubjectPublicKeyInfo.getInstance(der).getPublicKeyData().getBytes();
        int fieldBytes = (fieldBits(c.keySpec()) + 7) / 8;
        assertThat(point).hasSize(1 + 2 * fieldBytes);
        assertThat(point[0]).as("uncompressed point marker").isEqualTo((byte) 0x04);
        X9ECParameters curve = ECNamedCurveTable.getByOID(new ASN1ObjectIdentifier(curveOid(c.keySpec())));
        ECPoint decoded = curve.getCurve().decodePoint(point);
        assertThat(decoded.isValid()).as("point on the curve").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void describeKeyListsExactlyTheAlgorithmsOfTheKeyUsage(Combination c) {
        String keyId = sharedKey(c);

        KeyMetadata metadata = client(c.keySpec()).describeKey(b -> b.keyId(keyId)).keyMetadata();

        // The same single list as GetPublicKey's (checked above against the same expectation).
        assertThat(algorithmLists(metadata)).isEqualTo(Map.of(listName(c.keyUsage()), c.algorithms()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricCombinations")
    void describeKeyOfAnAsymmetricKeyHasNoCurrentKeyMaterialId(Combination c) {
        String keyId = sharedKey(c);

        KeyMetadata metadata = client(c.keySpec()).describeKey(b -> b.keyId(keyId)).keyMetadata();

        assertThat(metadata.currentKeyMaterialId()).isNull();
    }

    @Test
    void getPublicKeyByAliasAnswersTheKeyArnAndTheSamePublicKey() {
        String keyId = sharedKey(new Combination("ECC_NIST_P256", "SIGN_VERIFY"));
        kms.createAlias(b -> b.aliasName("alias/public-key-test").targetKeyId(keyId));
        byte[] byKeyId = publicKey("ECC_NIST_P256", keyId);

        GetPublicKeyResponse byAlias = kms.getPublicKey(b -> b.keyId("alias/public-key-test"));

        assertThat(byAlias.keyId()).isEqualTo(arn("ECC_NIST_P256", keyId));
        assertThat(byAlias.publicKey().asByteArray()).isEqualTo(byKeyId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"})
    void getPublicKeyOfASymmetricOrHmacKeyIsUnsupported(String spec) {
        String usage = spec.equals("SYMMETRIC_DEFAULT") ? "ENCRYPT_DECRYPT" : "GENERATE_VERIFY_MAC";
        String keyId = sharedKey(new Combination(spec, usage));

        // AWS's message for this error is not recorded.
        assertAwsError(() -> kms.getPublicKey(b -> b.keyId(keyId)), UnsupportedOperationException.class,
                "UnsupportedOperationException");
    }

    @Test
    void getPublicKeyOfADisabledKeyGivesItsPublicKey() {
        String keyId = newKey(new Combination("RSA_2048", "ENCRYPT_DECRYPT"));
        byte[] before = publicKey("RSA_2048", keyId);
        kms.disableKey(b -> b.keyId(keyId));

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(keyId));

        assertThat(response.publicKey().asByteArray()).isEqualTo(before);
    }

    @Test
    void getPublicKeyOfAKeyPendingDeletionIsInvalidState() {
        String keyId = newKey(new Combination("ECC_NIST_P384", "KEY_AGREEMENT"));
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        assertAwsError(() -> kms.getPublicKey(b -> b.keyId(keyId)), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn("ECC_NIST_P384", keyId) + " is pending deletion.");
    }

    // ---------------------------------------------------------------- CreateKey: key specs and key usages

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleCombinations")
    void createKeyWithACompatibleKeyUsageMakesAnEnabledKeyOfThatSpecAndUsage(Combination c) {
        KeyMetadata metadata = client(c.keySpec()).createKey(b -> b.keySpec(c.keySpec()).keyUsage(c.keyUsage()))
                .keyMetadata();

        assertThat(metadata.arn()).isEqualTo(arn(c.keySpec(), metadata.keyId()));
        assertThat(metadata.keySpecAsString()).isEqualTo(c.keySpec());
        assertThat(metadata.keyUsageAsString()).isEqualTo(c.keyUsage());
        assertThat(metadata.customerMasterKeySpecAsString()).isEqualTo(customerMasterKeySpec(c.keySpec()));
        assertThat(metadata.enabled()).isTrue();
        assertThat(metadata.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(metadata.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(metadata.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleCombinations")
    void createKeyListsExactlyTheAlgorithmsOfTheKeyUsage(Combination c) {
        KeyMetadata metadata = client(c.keySpec()).createKey(b -> b.keySpec(c.keySpec()).keyUsage(c.keyUsage()))
                .keyMetadata();

        assertThat(algorithmLists(metadata)).isEqualTo(Map.of(listName(c.keyUsage()), c.algorithms()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleCombinations")
    void createKeyGivesACurrentKeyMaterialIdToSymmetricEncryptionKeysOnly(Combination c) {
        KeyMetadata metadata = client(c.keySpec()).createKey(b -> b.keySpec(c.keySpec()).keyUsage(c.keyUsage()))
                .keyMetadata();

        if (c.keySpec().equals("SYMMETRIC_DEFAULT")) {
            assertThat(metadata.currentKeyMaterialId()).isNotNull();
        } else {
            assertThat(metadata.currentKeyMaterialId()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompatibleCombinations")
    void createKeyRefusesAKeyUsageTheKeySpecCannotHave(Combination c) {
        assertValidationError(() -> client(c.keySpec()).createKey(b -> b.keySpec(c.keySpec()).keyUsage(c.keyUsage())),
                "KeyUsage " + c.keyUsage() + " is not compatible with KeySpec " + c.keySpec());
    }

    static Stream<String> specsThatNeedAKeyUsage() {
        return KEY_SPECS.stream().filter(spec -> !spec.equals("SYMMETRIC_DEFAULT"));
    }

    @ParameterizedTest
    @MethodSource("specsThatNeedAKeyUsage")
    void createKeyWithoutKeyUsageIsRefusedForEverySpecButSymmetricDefault(String spec) {
        assertValidationError(() -> client(spec).createKey(b -> b.keySpec(spec)),
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    @Test
    void createKeyWithoutKeyUsageMakesASymmetricEncryptionKey() {
        KeyMetadata metadata = kms.createKey(b -> b.keySpec("SYMMETRIC_DEFAULT")).keyMetadata();

        assertThat(metadata.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
    }

    // ---------------------------------------------------------------- helpers

    /** One key per combination for the tests that only read it: RSA keys take seconds to make. */
    private static String sharedKey(Combination c) {
        return SHARED_KEYS.computeIfAbsent(c, PublicKeysTest::newKey);
    }

    private static final Map<Combination, String> SHARED_KEYS = new ConcurrentHashMap<>();

    private static String newKey(Combination c) {
        return client(c.keySpec()).createKey(b -> b.keySpec(c.keySpec()).keyUsage(c.keyUsage())).keyMetadata().keyId();
    }

    private static byte[] publicKey(String spec, String keyId) {
        return client(spec).getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
    }

    private static KmsClient client(String spec) {
        return spec.equals("SM2") ? chinaKms : kms;
    }

    /** The key ARN AWS gives a key of this spec made by the test account, in its region and partition. */
    private static String arn(String spec, String keyId) {
        return spec.equals("SM2")
                ? "arn:aws-cn:kms:" + CHINA + ":" + TrentServer.ACCOUNT + ":key/" + keyId
                : "arn:aws:kms:" + TrentServer.REGION + ":" + TrentServer.ACCOUNT + ":key/" + keyId;
    }

    private static String customerMasterKeySpec(String spec) {
        return CUSTOMER_MASTER_KEY_SPECS.contains(spec) ? spec : null;
    }

    /** The member that lists the algorithms of a key of this usage. */
    private static String listName(String usage) {
        return switch (usage) {
            case "ENCRYPT_DECRYPT" -> "EncryptionAlgorithms";
            case "SIGN_VERIFY" -> "SigningAlgorithms";
            case "KEY_AGREEMENT" -> "KeyAgreementAlgorithms";
            case "ENCAPSULATE_DECAPSULATE" -> "EncapsulationAlgorithms";
            case "GENERATE_VERIFY_MAC" -> "MacAlgorithms";
            default -> throw new IllegalArgumentException(usage);
        };
    }

    /** The algorithm lists present in the answer (an absent list is not an empty one). */
    private static Map<String, List<String>> algorithmLists(GetPublicKeyResponse r) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (r.hasEncryptionAlgorithms()) {
            lists.put("EncryptionAlgorithms", r.encryptionAlgorithmsAsStrings());
        }
        if (r.hasSigningAlgorithms()) {
            lists.put("SigningAlgorithms", r.signingAlgorithmsAsStrings());
        }
        if (r.hasKeyAgreementAlgorithms()) {
            lists.put("KeyAgreementAlgorithms", r.keyAgreementAlgorithmsAsStrings());
        }
        if (r.hasEncapsulationAlgorithms()) {
            lists.put("EncapsulationAlgorithms", r.encapsulationAlgorithmsAsStrings());
        }
        return lists;
    }

    private static Map<String, List<String>> algorithmLists(KeyMetadata m) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (m.hasEncryptionAlgorithms()) {
            lists.put("EncryptionAlgorithms", m.encryptionAlgorithmsAsStrings());
        }
        if (m.hasSigningAlgorithms()) {
            lists.put("SigningAlgorithms", m.signingAlgorithmsAsStrings());
        }
        if (m.hasKeyAgreementAlgorithms()) {
            lists.put("KeyAgreementAlgorithms", m.keyAgreementAlgorithmsAsStrings());
        }
        if (m.hasEncapsulationAlgorithms()) {
            lists.put("EncapsulationAlgorithms", m.encapsulationAlgorithmsAsStrings());
        }
        if (m.hasMacAlgorithms()) {
            lists.put("MacAlgorithms", m.macAlgorithmsAsStrings());
        }
        return lists;
    }

    /** The SubjectPublicKeyInfo algorithm: rsaEncryption, id-ecPublicKey, id-Ed25519, ML-DSA and ML-KEM OIDs. */
    private static String algorithmOid(String spec) {
        if (spec.startsWith("RSA_")) {
            return "1.2.840.113549.1.1.1";
        }
        if (spec.startsWith("ECC_NIST_P") || spec.equals("ECC_SECG_P256K1") || spec.equals("SM2")) {
            return "1.2.840.10045.2.1";
        }
        return switch (spec) {
            case "ECC_NIST_EDWARDS25519" -> "1.3.101.112";
            case "ML_DSA_44" -> "2.16.840.1.101.3.4.3.17";
            case "ML_DSA_65" -> "2.16.840.1.101.3.4.3.18";
            case "ML_DSA_87" -> "2.16.840.1.101.3.4.3.19";
            case "ML_KEM_512" -> "2.16.840.1.101.3.4.4.1";
            case "ML_KEM_768" -> "2.16.840.1.101.3.4.4.2";
            case "ML_KEM_1024" -> "2.16.840.1.101.3.4.4.3";
            default -> throw new IllegalArgumentException(spec);
        };
    }

    /**
     * The algorithm's parameters, as text: NULL for RSA (RFC 3279), the named curve for elliptic
     * curves (RFC 5480), absent for Ed25519 (RFC 8410), ML-DSA (RFC 9881) and ML-KEM.
     */
    private static String algorithmParameters(String spec) {
        if (spec.startsWith("RSA_")) {
            return "NULL";
        }
        if (spec.startsWith("ECC_NIST_P") || spec.equals("ECC_SECG_P256K1") || spec.equals("SM2")) {
            return curveOid(spec);
        }
        return "absent";
    }

    private static String parameters(AlgorithmIdentifier algorithm) {
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters == null) {
            return "absent";
        }
        if (parameters.toASN1Primitive() instanceof DERNull) {
            return "NULL";
        }
        if (parameters.toASN1Primitive() instanceof ASN1ObjectIdentifier oid) {
            return oid.getId();
        }
        return parameters.toString();
    }

    private static String curveOid(String spec) {
        return switch (spec) {
            case "ECC_NIST_P256" -> "1.2.840.10045.3.1.7";
            case "ECC_NIST_P384" -> "1.3.132.0.34";
            case "ECC_NIST_P521" -> "1.3.132.0.35";
            case "ECC_SECG_P256K1" -> "1.3.132.0.10";
            case "SM2" -> "1.2.156.10197.1.301";
            default -> throw new IllegalArgumentException(spec);
        };
    }

    private static int fieldBits(String spec) {
        return spec.equals("ECC_NIST_P384") ? 384 : spec.equals("ECC_NIST_P521") ? 521 : 256;
    }

    private static java.security.PublicKey jcaPublicKey(String algorithm, Provider provider, byte[] der) {
        try {
            KeyFactory factory = provider == null ? KeyFactory.getInstance(algorithm)
                    : KeyFactory.getInstance(algorithm, provider);
            return factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the public key does not parse as a " + algorithm + " key: " + e, e);
        }
    }

    private static byte[] encoded(SubjectPublicKeyInfo spki) {
        try {
            return spki.getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
