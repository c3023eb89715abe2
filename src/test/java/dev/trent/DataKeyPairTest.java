package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ResponseBodies;
import dev.trent.support.TrentServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext for every DataKeyPairSpec of the SDK
 * (SM2 in cn-north-1, the others in us-east-1), through the AWS SDK against a real Trent. The
 * private key (PKCS#8) and public key (SPKI) are read and matched offline with JCA and
 * BouncyCastle; the encrypted private key comes back through Trent's Decrypt.
 */
class DataKeyPairTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String CHINA = TrentServer.CHINA_REGION;
    private static final Map<String, String> CONTEXT = Map.of("purpose", "data-key-pair");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";
    private static final String ED25519 = "1.3.101.112";

    private static KmsClient kms;
    private static KmsClient china;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        china = trent.china();
    }


    /** The kinds of key pair, by how the test reads and matches them. */
    enum Family {
        RSA, EC, ED25519, ML_KEM
    }

    /**
     * Every DataKeyPairSpec: its family, the OID of its algorithm (and of its curve for EC), its
     * size (RSA modulus bits, ML-KEM raw public key bytes) and whether it lives in a China Region.
     */
    enum Pair {
        RSA_2048(DataKeyPairSpec.RSA_2048, Family.RSA, DataKeyPairTest.RSA, null, 2048, false),
        RSA_3072(DataKeyPairSpec.RSA_3072, Family.RSA, DataKeyPairTest.RSA, null, 3072, false),
        RSA_4096(DataKeyPairSpec.RSA_4096, Family.RSA, DataKeyPairTest.RSA, null, 4096, false),
        ECC_NIST_P256(DataKeyPairSpec.ECC_NIST_P256, Family.EC, DataKeyPairTest.EC, "1.2.840.10045.3.1.7", 0, false),
        ECC_NIST_P384(DataKeyPairSpec.ECC_NIST_P384, Family.EC, DataKeyPairTest.EC, "1.3.132.0.34", 0, false),
        ECC_NIST_P521(DataKeyPairSpec.ECC_NIST_P521, Family.EC, DataKeyPairTest.EC, "1.3.132.0.35", 0, false),
        ECC_SECG_P256K1(DataKeyPairSpec.ECC_SECG_P256_K1, Family.EC, DataKeyPairTest.EC, "1.3.132.0.10", 0, false),
        ECC_NIST_EDWARDS25519(DataKeyPairSpec.ECC_NIST_EDWARDS25519, Family.ED25519, DataKeyPairTest.ED25519, null, 0,
                false),
        ML_KEM_512(DataKeyPairSpec.ML_KEM_512, Family.ML_KEM, "2.16.840.1.101.3.4.4.1", null, 800, false),
        ML_KEM_768(DataKeyPairSpec.ML_KEM_768, Family.ML_KEM, "2.16.840.1.101.3.4.4.2", null, 1184, false),
        ML_KEM_1024(DataKeyPairSpec.ML_KEM_1024, Family.ML_KEM, "2.16.840.1.101.3.4.4.3", null, 1568, false),
        SM2(DataKeyPairSpec.SM2, Family.EC, DataKeyPairTest.EC, "1.2.156.10197.1.301", 0, true);

        final DataKeyPairSpec spec;
        final Family family;
        final String algorithmOid;
        final String curveOid;
        final int size;
        final boolean inChina;

        Pair(DataKeyPairSpec spec, Family family, String algorithmOid, String curveOid, int size, boolean inChina) {
            this.spec = spec;
            this.family = family;
            this.algorithmOid = algorithmOid;
            this.curveOid = curveOid;
            this.size = size;
            this.inChina = inChina;
        }

        KmsClient client() {
            return inChina ? china : kms;
        }
    }

    @Test
    void everyDataKeyPairSpecOfTheSdkIsCovered() {
        assertThat(Stream.of(Pair.values()).map(p -> p.spec)).containsExactlyInAnyOrderElementsOf(
                DataKeyPairSpec.knownValues());
    }

    // ---------------------------------------------------------------- formats of the two halves

    @ParameterizedTest
    @EnumSource(Pair.class)
    void privateKeyIsPkcs8OfTheSpecsAlgorithm(Pair pair) {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));

        PrivateKeyInfo info = PrivateKeyInfo.getInstance(response.privateKeyPlaintext().asByteArray());

        assertAlgorithm(pair, info.getPrivateKeyAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void publicKeyIsSubjectPublicKeyInfoOfTheSpecsAlgorithm(Pair pair) {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));

        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(response.publicKey().asByteArray());

        assertAlgorithm(pair, info.getAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(value = Pair.class, names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void rsaModulusHasTheSpecsLength(Pair pair) throws Exception {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));

        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));

        assertThat(publicKey.getModulus().bitLength()).isEqualTo(pair.size);
    }

    @ParameterizedTest
    @EnumSource(value = Pair.class, names = {"ML_KEM_512", "ML_KEM_768", "ML_KEM_1024"})
    void mlKemPublicKeyHasTheSpecsLength(Pair pair) {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));

        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(response.publicKey().asByteArray());

        assertThat(info.getPublicKeyData().getOctets()).hasSize(pair.size);
    }

    /**
     * AWS: "For ML-KEM data key pairs, the DER-encoded PKCS8 PrivateKeyInfo contains the private key
     * in seed format": the 64-byte seed d || z as the {@code seed [0]} choice, 86 bytes in all.
     */
    @ParameterizedTest
    @EnumSource(value = Pair.class, names = {"ML_KEM_512", "ML_KEM_768", "ML_KEM_1024"})
    void mlKemPrivateKeyIsThe86BytePkcs8SeedForm(Pair pair) {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));
        byte[] pkcs8 = response.privateKeyPlaintext().asByteArray();

        byte[] privateKey = PrivateKeyInfo.getInstance(pkcs8).getPrivateKey().getOctets();

        assertThat(pkcs8).hasSize(86);
        assertThat(privateKey).hasSize(66);
        assertThat(privateKey[0]).as("tag of seed [0]").isEqualTo((byte) 0x80);
        assertThat(privateKey[1]).as("length of the seed").isEqualTo((byte) 64);
    }

    // ---------------------------------------------------------------- the halves match

    @ParameterizedTest
    @EnumSource(Pair.class)
    void privateAndPublicKeyArePartsOfOneKeyPair(Pair pair) throws Exception {
        GenerateDataKeyPairResponse response = generate(pair, newEncryptionKey(pair));

        assertPairMatches(pair, response.privateKeyPlaintext().asByteArray(), response.publicKey().asByteArray());
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void twoCallsGiveDifferentKeyPairs(Pair pair) {
        KeyMetadata key = newEncryptionKey(pair);

        GenerateDataKeyPairResponse first = generate(pair, key);
        GenerateDataKeyPairResponse second = generate(pair, key);

        assertThat(first.publicKey().asByteArray()).isNotEqualTo(second.publicKey().asByteArray());
        assertThat(first.privateKeyPlaintext().asByteArray()).isNotEqualTo(second.privateKeyPlaintext().asByteArray());
    }

    // ---------------------------------------------------------------- the encrypted private key

    @ParameterizedTest
    @EnumSource(Pair.class)
    void privateKeyCiphertextDecryptsToThePrivateKey(Pair pair) {
        KeyMetadata key = newEncryptionKey(pair);
        GenerateDataKeyPairResponse response = pair.client().generateDataKeyPair(b -> b.keyId(key.keyId())
                .keyPairSpec(pair.spec).encryptionContext(CONTEXT));

        DecryptResponse decrypted = pair.client().decrypt(b -> b.ciphertextBlob(response.privateKeyCiphertextBlob())
                .encryptionContext(CONTEXT));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(response.privateKeyPlaintext().asByteArray());
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
    }

    @Test
    void privateKeyCiphertextWithoutItsEncryptionContextIsInvalidCiphertext() {
        KeyMetadata key = newEncryptionKey(Pair.ECC_NIST_P256);
        GenerateDataKeyPairResponse response = kms.generateDataKeyPair(b -> b.keyId(key.keyId())
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).encryptionContext(CONTEXT));

        assertAwsErrorWithoutMessage(() -> kms.decrypt(b -> b.ciphertextBlob(response.privateKeyCiphertextBlob())),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void generateDataKeyPairAnswersTheKeyArnTheSpecAndTheKeyMaterialId(Pair pair) {
        KeyMetadata key = newEncryptionKey(pair);

        GenerateDataKeyPairResponse response = generate(pair, key);

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keyPairSpec()).isEqualTo(pair.spec);
        assertThat(response.keyMaterialId()).isNotNull().isEqualTo(currentKeyMaterialId(pair, key));
        assertThat(response.ciphertextForRecipient()).isNull();
    }

    // ---------------------------------------------------------------- WithoutPlaintext

    /** The SDK's response shape has no PrivateKeyPlaintext member, so the check reads the body Trent sent. */
    @ParameterizedTest
    @EnumSource(Pair.class)
    void withoutPlaintextAnswersNoPrivateKeyPlaintext(Pair pair) {
        KeyMetadata key = newEncryptionKey(pair);
        ResponseBodies bodies = new ResponseBodies();
        try (KmsClient recording = trent.client(TrentServer.ACCOUNT, pair.inChina ? CHINA : TrentServer.REGION,
                bodies)) {
            GenerateDataKeyPairWithoutPlaintextResponse response = recording.generateDataKeyPairWithoutPlaintext(
                    b -> b.keyId(key.keyId()).keyPairSpec(pair.spec));

            assertThat(bodies.last).contains("\"PrivateKeyCiphertextBlob\"", "\"PublicKey\"")
                    .doesNotContain("PrivateKeyPlaintext");
            assertThat(response.publicKey()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void withoutPlaintextAnswersTheKeyArnTheSpecAndTheKeyMaterialId(Pair pair) {
        KeyMetadata key = newEncryptionKey(pair);

        GenerateDataKeyPairWithoutPlaintextResponse response = pair.client().generateDataKeyPairWithoutPlaintext(
                b -> b.keyId(key.keyId()).keyPairSpec(pair.spec));

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keyPairSpec()).isEqualTo(pair.spec);
        assertThat(response.keyMaterialId()).isNotNull().isEqualTo(currentKeyMaterialId(pair, key));
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void withoutPlaintextPrivateKeyCiphertextDecryptsToThePublicKeysPrivateKey(Pair pair) throws Exception {
        KeyMetadata key = newEncryptionKey(pair);
        GenerateDataKeyPairWithoutPlaintextResponse response = pair.client().generateDataKeyPairWithoutPlaintext(
                b -> b.keyId(key.keyId()).keyPairSpec(pair.spec).encryptionContext(CONTEXT));

        byte[] privateKey = pair.client().decrypt(b -> b.ciphertextBlob(response.privateKeyCiphertextBlob())
                .encryptionContext(CONTEXT)).plaintext().asByteArray();

        assertPairMatches(pair, privateKey, response.publicKey().asByteArray());
    }

    // ---------------------------------------------------------------- keys and specs refused

    static Stream<Arguments> operations() {
        return Stream.of(Arguments.of("GenerateDataKeyPair", true),
                Arguments.of("GenerateDataKeyPairWithoutPlaintext", false));
    }

    /**
     * AWS: "You cannot use an asymmetric KMS key" to encrypt the private key. The type is declared
     * by AWS; its message for this case is not recorded, so only the type is checked.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anAsymmetricEncryptionKeyIsInvalidKeyUsage(String operation, boolean withPlaintext) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata();

        assertAwsError(() -> call(kms, key, DataKeyPairSpec.ECC_NIST_P256, withPlaintext, false),
                InvalidKeyUsageException.class, "InvalidKeyUsageException");
    }

    /** Keys whose usage is not ENCRYPT_DECRYPT. */
    enum OtherUsage {
        RSA_SIGNING(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
        ECC_SIGNING(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
        HMAC(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC),
        KEY_AGREEMENT(KeySpec.ECC_NIST_P384, KeyUsageType.KEY_AGREEMENT);

        final KeySpec spec;
        final KeyUsageType usage;

        OtherUsage(KeySpec spec, KeyUsageType usage) {
            this.spec = spec;
            this.usage = usage;
        }
    }

    static Stream<Arguments> operationsAndOtherUsages() {
        return operations().flatMap(operation -> Stream.of(OtherUsage.values())
                .map(usage -> Arguments.of(operation.get()[0], operation.get()[1], usage)));
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("operationsAndOtherUsages")
    void aKeyOfAnotherUsageIsInvalidKeyUsage(String operation, boolean withPlaintext, OtherUsage other) {
        KeyMetadata key = kms.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();

        assertAwsError(() -> call(kms, key, DataKeyPairSpec.RSA_2048, withPlaintext, false),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for " + operation + ".");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sm2PairsOutsideTheChinaRegionsAreUnsupported(String operation, boolean withPlaintext) {
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> call(kms, key, DataKeyPairSpec.SM2, withPlaintext, false),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "KeyPairSpec SM2 is not supported in this Region");
    }

    static Stream<Arguments> operationsAndMlKemSpecs() {
        return operations().flatMap(operation -> Stream.of(
                        DataKeyPairSpec.ML_KEM_512, DataKeyPairSpec.ML_KEM_768, DataKeyPairSpec.ML_KEM_1024)
                .map(spec -> Arguments.of(operation.get()[0], operation.get()[1], spec)));
    }

    /** AWS: "The ML-KEM key specs are not available in China Regions" (the text by analogy with SM2). */
    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("operationsAndMlKemSpecs")
    void mlKemPairsInTheChinaRegionsAreUnsupported(String operation, boolean withPlaintext, DataKeyPairSpec spec) {
        KeyMetadata key = china.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> call(china, key, spec, withPlaintext, false),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "KeyPairSpec " + spec + " is not supported in this Region");
    }

    // ---------------------------------------------------------------- DryRun

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void dryRunIsDryRunOperation(String operation, boolean withPlaintext) {
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> call(kms, key, DataKeyPairSpec.ECC_NIST_P256, withPlaintext, true),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    // ---------------------------------------------------------------- offline checks

    private static void assertAlgorithm(Pair pair, AlgorithmIdentifier algorithm) {
        assertThat(algorithm.getAlgorithm().getId()).as("algorithm OID").isEqualTo(pair.algorithmOid);
        if (pair.curveOid != null) {
            assertThat(ASN1ObjectIdentifier.getInstance(algorithm.getParameters()).getId()).as("named curve OID")
                    .isEqualTo(pair.curveOid);
        }
    }

    /**
     * The private key belongs to the public key: RSA's modulus and exponent agree, d·G is the EC
     * point, an Ed25519 signature verifies, an ML-KEM secret encapsulated to the public key comes
     * out of the private key.
     */
    private static void assertPairMatches(Pair pair, byte[] pkcs8, byte[] spki) throws Exception {
        switch (pair.family) {
            case RSA -> {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(spki));
                assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
                assertThat(privateKey.getPublicExponent()).isEqualTo(publicKey.getPublicExponent());
                assertThat(privateKey.getPrimeP().multiply(privateKey.getPrimeQ())).isEqualTo(publicKey.getModulus());
            }
            case EC -> {
                ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
                ECPublicKeyParameters publicKey = (ECPublicKeyParameters) PublicKeyFactory.createKey(spki);
                assertThat(privateKey.getParameters().getCurve().equals(publicKey.getParameters().getCurve()))
                        .as("same curve").isTrue();
                ECPoint derived = publicKey.getParameters().getG().multiply(privateKey.getD()).normalize();
                assertThat(derived.equals(publicKey.getQ())).as("d·G is the public point").isTrue();
            }
            case ED25519 -> {
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                byte[] message = "signed with a data key pair".getBytes(StandardCharsets.UTF_8);
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
                signer.update(message);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(factory.generatePublic(new X509EncodedKeySpec(spki)));
                verifier.update(message);
                assertThat(verifier.verify(signature)).as("signature verifies with the public key").isTrue();
            }
            case ML_KEM -> {
                MLKEMPrivateKeyParameters privateKey = (MLKEMPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
                MLKEMPublicKeyParameters publicKey = (MLKEMPublicKeyParameters) PublicKeyFactory.createKey(spki);
                SecretWithEncapsulation sent = new MLKEMGenerator(RANDOM).generateEncapsulated(publicKey);
                byte[] received = new MLKEMExtractor(privateKey).extractSecret(sent.getEncapsulation());
                assertThat(received).as("decapsulated secret").isEqualTo(sent.getSecret());
            }
            default -> throw new IllegalStateException(pair.family.toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A symmetric encryption key, in the pair's region, to encrypt the private key under. */
    private static KeyMetadata newEncryptionKey(Pair pair) {
        return pair.client().createKey(b -> { }).keyMetadata();
    }

    private static String currentKeyMaterialId(Pair pair, KeyMetadata key) {
        return pair.client().describeKey(b -> b.keyId(key.keyId())).keyMetadata().currentKeyMaterialId();
    }

    private static GenerateDataKeyPairResponse generate(Pair pair, KeyMetadata key) {
        return pair.client().generateDataKeyPair(b -> b.keyId(key.keyId()).keyPairSpec(pair.spec));
    }

    private static void call(KmsClient client, KeyMetadata key, DataKeyPairSpec spec, boolean withPlaintext,
            boolean dryRun) {
        if (withPlaintext) {
            client.generateDataKeyPair(b -> b.keyId(key.keyId()).keyPairSpec(spec).dryRun(dryRun));
        } else {
            client.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key.keyId()).keyPairSpec(spec).dryRun(dryRun));
        }
    }
}
