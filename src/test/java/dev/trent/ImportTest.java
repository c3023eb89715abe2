package dev.trent;

import static dev.trent.support.ExternalMaterial.decryptLocally;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.kms.MutableClock;
import dev.trent.support.TrentServer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.ExpiredImportTokenException;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.ImportState;
import software.amazon.awssdk.services.kms.model.ImportType;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyMaterialException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidImportTokenException;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * Imported key material through the AWS SDK against a real Trent: GetParametersForImport,
 * ImportKeyMaterial and DeleteImportedKeyMaterial. The key material is wrapped here, with JCA and
 * BouncyCastle, as AWS documents each wrapping algorithm, and what Trent then does with it is
 * checked with the same material held here.
 */
class ImportTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> RSA_WRAPPINGS = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256",
            "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256");

    private static KmsClient kms;
    private static KmsClient china;
    private static MutableClock clock;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        china = trent.china();
        clock = trent.trent().clock();
    }

    // ---------------------------------------------------------------- GetParametersForImport

    @ParameterizedTest
    @CsvSource({"RSA_2048,2048,RSAES_OAEP_SHA_256", "RSA_3072,3072,RSA_AES_KEY_WRAP_SHA_1",
        "RSA_4096,4096,RSA_AES_KEY_WRAP_SHA_256", "RSA_2048,2048,RSAES_OAEP_SHA_1"})
    void getParametersForImportAnswersAnRsaPublicKeyOfTheSpecAndATokenValidFor24Hours(String spec, int bits,
            String algorithm) throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(algorithm).wrappingKeySpec(spec));

        assertThat(parameters.keyId()).isEqualTo(key.arn());
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKey().asByteArray()));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(bits);
        assertThat(parameters.importToken().asByteArray()).isNotEmpty();
        assertThat(parameters.parametersValidTo()).isBetween(before.plus(Duration.ofHours(24)),
                clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void eachCallAnswersAnotherWrappingKeyAndToken() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        GetParametersForImportResponse first = parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");
        GetParametersForImportResponse second = parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");

        assertThat(first.publicKey()).isNotEqualTo(second.publicKey());
        assertThat(first.importToken()).isNotEqualTo(second.importToken());
    }

    @Test
    void getParametersForImportRefusesKeysWhoseMaterialKmsGenerated() {
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();
        String message = key.arn() + " origin is AWS_KMS which is not valid for this operation.";

        assertAwsError(() -> parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048"),
                UnsupportedOperationException.class, "UnsupportedOperationException", message);
        assertAwsError(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                        .importToken(SdkBytes.fromByteArray(randomBytes(32)))
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(randomBytes(256)))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                UnsupportedOperationException.class, "UnsupportedOperationException", message);
        assertAwsError(() -> kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId())),
                UnsupportedOperationException.class, "UnsupportedOperationException", message);
    }

    @Test
    void rsaesPkcs1V15IsNoLongerTaken() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        assertAwsError(() -> parameters(kms, key.keyId(), "RSAES_PKCS1_V1_5", "RSA_2048"),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "WrappingAlgorithm RSAES_PKCS1_V1_5 is not supported.");
    }

    @Test
    void sm2WrappingIsForTheChinaRegionsOnly() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        assertAwsError(() -> parameters(kms, key.keyId(), "SM2PKE", "SM2"), UnsupportedOperationException.class,
                "UnsupportedOperationException", "WrappingKeySpec SM2 is not supported in this Region");
        assertAwsError(() -> parameters(kms, key.keyId(), "SM2PKE", "RSA_2048"), UnsupportedOperationException.class,
                "UnsupportedOperationException", "WrappingAlgorithm SM2PKE is not supported in this Region");
    }

    @Test
    void sm2PkeGoesWithSm2WrappingKeysOnly() {
        KeyMetadata key = externalKey(china, "SYMMETRIC_DEFAULT", null);

        assertValidationError(() -> parameters(china, key.keyId(), "SM2PKE", "RSA_2048"),
                "WrappingAlgorithm SM2PKE is not compatible with WrappingKeySpec RSA_2048.");
        assertValidationError(() -> parameters(china, key.keyId(), "RSAES_OAEP_SHA_256", "SM2"),
                "WrappingAlgorithm RSAES_OAEP_SHA_256 is not compatible with WrappingKeySpec SM2.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"})
    void rsaKeyMaterialNeedsAnRsaAesWrapping(String algorithm) {
        KeyMetadata key = externalKey(kms, "RSA_2048", "SIGN_VERIFY");

        assertValidationError(() -> parameters(kms, key.keyId(), algorithm, "RSA_4096"),
                "WrappingAlgorithm " + algorithm + " cannot wrap RSA key material. Use RSA_AES_KEY_WRAP_SHA_1 or "
                        + "RSA_AES_KEY_WRAP_SHA_256.");
    }

    @Test
    void keySpecsWithoutImportRefuseParameters() {
        KeyMetadata key = externalKey(kms, "ML_DSA_44", "SIGN_VERIFY");

        assertAwsError(() -> parameters(kms, key.keyId(), "RSA_AES_KEY_WRAP_SHA_256", "RSA_4096"),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                key.arn() + " KeySpec ML_DSA_44 does not support imported key material.");
    }

    @Test
    void getParametersAndImportRefuseAKeyPendingDeletion() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        GetParametersForImportResponse before = parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");
        byte[] wrapped = wrap("RSAES_OAEP_SHA_256", before.publicKey().asByteArray(), randomBytes(32));
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        String message = key.arn() + " is pending deletion.";

        assertAwsError(() -> parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048"),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        assertAwsError(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(before.importToken())
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void deletingTheMaterialOfAKeyPendingDeletionKeepsItPendingDeletionAndCancellingLeavesItPendingImport()
            throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        String materialId = importForever(kms, key.keyId(), randomBytes(32)).keyMaterialId();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertThat(kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId())).keyMaterialId()).isEqualTo(materialId);

        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_DELETION);
        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void importOperationsTakeKeyIdsAndArnsButNotAliases() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        String alias = "alias/import-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertAwsError(() -> parameters(kms, alias, "RSAES_OAEP_SHA_256", "RSA_2048"), NotFoundException.class,
                "NotFoundException", "Invalid keyId '" + alias + "'");
        assertThat(parameters(kms, key.arn(), "RSAES_OAEP_SHA_256", "RSA_2048").keyId()).isEqualTo(key.arn());
    }

    // ---------------------------------------------------------------- symmetric import

    static Stream<String> rsaWrappings() {
        return RSA_WRAPPINGS.stream();
    }

    @ParameterizedTest
    @MethodSource("rsaWrappings")
    void symmetricMaterialImportedWithEachRsaWrappingEncryptsAsThatMaterial(String algorithm) throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        assertThat(key.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(key.expirationModel()).isNull();
        byte[] material = randomBytes(32);

        ImportKeyMaterialResponse imported = importMaterial(kms, key.keyId(), material, algorithm, "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));

        assertThat(imported.keyId()).isEqualTo(key.arn());
        assertThat(imported.keyMaterialId()).matches("[0-9a-f]{64}");
        KeyMetadata after = describe(kms, key.keyId());
        assertThat(after.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(after.enabled()).isTrue();
        assertThat(after.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
        assertThat(after.validTo()).isNull();
        assertThat(after.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
        byte[] plaintext = randomBytes(100);
        byte[] blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(plaintext)))
                .ciphertextBlob().asByteArray();
        assertThat(decryptLocally(blob, material)).isEqualTo(plaintext);
    }

    @Test
    void symmetricMaterialImportedWithSm2PkeInChina() throws Exception {
        KeyMetadata key = externalKey(china, "SYMMETRIC_DEFAULT", null);
        byte[] material = randomBytes(32);

        importMaterial(china, key.keyId(), material, "SM2PKE", "SM2",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));

        byte[] plaintext = randomBytes(20);
        byte[] blob = china.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(plaintext)))
                .ciphertextBlob().asByteArray();
        assertThat(decryptLocally(blob, material)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 31, 33, 64})
    void symmetricMaterialMustBe32Bytes(int length) throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        assertAwsError(() -> importMaterial(kms, key.keyId(), randomBytes(length), "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException",
                "The key material is not valid for KeySpec SYMMETRIC_DEFAULT.");
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void theSameMaterialInTwoKeysHasTwoIdsAndCiphertextsStayBoundToTheirKey() throws Exception {
        byte[] material = randomBytes(32);
        KeyMetadata first = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        KeyMetadata second = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        String firstId = importForever(kms, first.keyId(), material).keyMaterialId();
        String secondId = importForever(kms, second.keyId(), material).keyMaterialId();
        assertThat(firstId).isNotEqualTo(secondId);
        byte[] blob = kms.encrypt(b -> b.keyId(first.keyId()).plaintext(SdkBytes.fromByteArray(randomBytes(8))))
                .ciphertextBlob().asByteArray();

        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)).keyId(second.keyId())),
                IncorrectKeyException.class, "IncorrectKeyException");
        // the same bytes naming the other key (ARNs of equal length) and its material id do not decrypt
        byte[] renamed = blob.clone();
        byte[] otherArn = second.arn().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(otherArn, 0, renamed, 3, otherArn.length);
        System.arraycopy(HexFormat.of().parseHex(secondId), 0, renamed, 3 + otherArn.length, 32);
        assertAwsErrorWithoutMessage(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(renamed))),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    // ---------------------------------------------------------------- HMAC, ECC, RSA import

    @ParameterizedTest
    @CsvSource({"HMAC_224,HMAC_SHA_224,HmacSHA224,28", "HMAC_224,HMAC_SHA_224,HmacSHA224,64",
        "HMAC_256,HMAC_SHA_256,HmacSHA256,32", "HMAC_256,HMAC_SHA_256,HmacSHA256,64",
        "HMAC_384,HMAC_SHA_384,HmacSHA384,48", "HMAC_384,HMAC_SHA_384,HmacSHA384,128",
        "HMAC_512,HMAC_SHA_512,HmacSHA512,64", "HMAC_512,HMAC_SHA_512,HmacSHA512,128"})
    void importedHmacKeyMacsAsTheMaterial(String spec, MacAlgorithmSpec algorithm, String jca, int length)
            throws Exception {
        KeyMetadata key = externalKey(kms, spec, "GENERATE_VERIFY_MAC");
        byte[] material = randomBytes(length);
        importForever(kms, key.keyId(), material);
        byte[] message = randomBytes(77);

        byte[] mac = kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithm)
                .message(SdkBytes.fromByteArray(message))).mac().asByteArray();

        Mac local = Mac.getInstance(jca);
        local.init(new SecretKeySpec(material, jca));
        assertThat(mac).isEqualTo(local.doFinal(message));
    }

    @ParameterizedTest
    @CsvSource({"HMAC_224,27", "HMAC_224,65", "HMAC_256,31", "HMAC_384,47", "HMAC_512,63", "HMAC_512,129"})
    void hmacMaterialOutsideTheLengthsAwsTakesIsIncorrect(String spec, int length) throws Exception {
        KeyMetadata key = externalKey(kms, spec, "GENERATE_VERIFY_MAC");

        assertAwsError(() -> importForever(kms, key.keyId(), randomBytes(length)),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException",
                "The key material is not valid for KeySpec " + spec + ".");
    }

    static Stream<Arguments> eccCases() {
        return Stream.of(
                Arguments.of("ECC_NIST_P256", "secp256r1", "ECDSA_SHA_256", "SHA256withECDSA", "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048"),
                Arguments.of("ECC_NIST_P384", "secp384r1", "ECDSA_SHA_384", "SHA384withECDSA", "RSAES_OAEP_SHA_256", "RSA_3072"),
                Arguments.of("ECC_NIST_P521", "secp521r1", "ECDSA_SHA_512", "SHA512withECDSA", "RSAES_OAEP_SHA_1", "RSA_3072"),
                Arguments.of("ECC_NIST_P521", "secp521r1", "ECDSA_SHA_512", "SHA512withECDSA", "RSA_AES_KEY_WRAP_SHA_1", "RSA_2048"),
                Arguments.of("ECC_SECG_P256K1", "secp256k1", "ECDSA_SHA_256", "SHA256withECDSA", "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048"));
    }

    @ParameterizedTest
    @MethodSource("eccCases")
    void importedEccKeySignsWithTheMaterialsPrivateKey(String spec, String curve, String algorithm, String jca,
            String wrapping, String wrappingSpec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec(curve), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        KeyMetadata key = externalKey(kms, spec, "SIGN_VERIFY");
        importMaterial(kms, key.keyId(), pair.getPrivate().getEncoded(), wrapping, wrappingSpec,
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
        byte[] message = randomBytes(50);

        byte[] signature = kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                .messageType(MessageType.RAW).message(SdkBytes.fromByteArray(message))).signature().asByteArray();

        Signature verifier = Signature.getInstance(jca, BC);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
        PublicKey published = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(
                kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray()));
        assertThat(((ECPublicKey) published).getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }

    @Test
    void importedRsaKeyCiphertextsDecryptWithTheMaterialsPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        KeyMetadata key = externalKey(kms, "RSA_2048", "ENCRYPT_DECRYPT");
        importMaterial(kms, key.keyId(), pair.getPrivate().getEncoded(), "RSA_AES_KEY_WRAP_SHA_256", "RSA_4096",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
        byte[] plaintext = randomBytes(64);

        byte[] ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).ciphertextBlob().asByteArray();

        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, pair.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertThat(cipher.doFinal(ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void importedSm2KeySignsInChina() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        KeyMetadata key = externalKey(china, "SM2", "SIGN_VERIFY");
        importMaterial(china, key.keyId(), pair.getPrivate().getEncoded(), "SM2PKE", "SM2",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));

        PublicKey published = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(
                china.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray()));

        assertThat(((ECPublicKey) published).getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }

    @ParameterizedTest
    @CsvSource({"ECC_NIST_P384,secp256r1,SIGN_VERIFY", "ECC_NIST_P256,secp256k1,SIGN_VERIFY",
        "RSA_3072,RSA2048,ENCRYPT_DECRYPT"})
    void asymmetricMaterialOfAnotherSpecIsIncorrect(String spec, String material, String usage) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(material.startsWith("RSA") ? "RSA" : "EC", BC);
        if (material.startsWith("RSA")) {
            generator.initialize(2048, RANDOM);
        } else {
            generator.initialize(new ECGenParameterSpec(material), RANDOM);
        }
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        KeyMetadata key = externalKey(kms, spec, usage);

        assertAwsError(() -> importMaterial(kms, key.keyId(), pkcs8, "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException",
                "The key material is not valid for KeySpec " + spec + ".");
    }

    @Test
    void asymmetricAndHmacKeysKeepTheirFirstMaterial() throws Exception {
        KeyMetadata key = externalKey(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
        byte[] material = randomBytes(32);
        importForever(kms, key.keyId(), material);

        assertAwsError(() -> importForever(kms, key.keyId(), randomBytes(32)), IncorrectKeyMaterialException.class,
                "IncorrectKeyMaterialException",
                "The key material is not the key material previously imported into this KMS key.");
        assertValidationError(() -> importMaterial(kms, key.keyId(), material, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.NEW_KEY_MATERIAL)),
                "ImportType is only valid for symmetric encryption keys.");
        importForever(kms, key.keyId(), material); // the same material again is fine
    }

    // ---------------------------------------------------------------- tokens and wrapped material

    @Test
    void aTokenTrentDidNotIssueIsInvalid() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        assertAwsError(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                        .importToken(SdkBytes.fromByteArray(randomBytes(64)))
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(randomBytes(256)))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                InvalidImportTokenException.class, "InvalidImportTokenException",
                "The import token is invalid or is associated with a different KMS key.");
    }

    @Test
    void aTokenIsBoundToItsKey() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        KeyMetadata other = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        GetParametersForImportResponse parameters = parameters(kms, other.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");
        byte[] wrapped = wrap("RSAES_OAEP_SHA_256", parameters.publicKey().asByteArray(), randomBytes(32));

        assertAwsError(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                InvalidImportTokenException.class, "InvalidImportTokenException",
                "The import token is invalid or is associated with a different KMS key.");
    }

    @Test
    void aTokenExpiresAfter24Hours() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        GetParametersForImportResponse parameters = parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");
        byte[] wrapped = wrap("RSAES_OAEP_SHA_256", parameters.publicKey().asByteArray(), randomBytes(32));

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertAwsError(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                ExpiredImportTokenException.class, "ExpiredImportTokenException");
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void materialWrappedForAnotherAlgorithmOrKeyIsInvalidCiphertext() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        GetParametersForImportResponse parameters = parameters(kms, key.keyId(), "RSAES_OAEP_SHA_256", "RSA_2048");
        byte[] sha1 = wrap("RSAES_OAEP_SHA_1", parameters.publicKey().asByteArray(), randomBytes(32));

        assertAwsErrorWithoutMessage(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                        .importToken(parameters.importToken()).encryptedKeyMaterial(SdkBytes.fromByteArray(sha1))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                InvalidCiphertextException.class, "InvalidCiphertextException");
        assertAwsErrorWithoutMessage(() -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                        .importToken(parameters.importToken())
                        .encryptedKeyMaterial(SdkBytes.fromByteArray(randomBytes(256)))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void expirationModelDefaultsToExpiresAndNeedsValidTo() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        assertValidationError(() -> importMaterial(kms, key.keyId(), randomBytes(32), "RSAES_OAEP_SHA_256",
                "RSA_2048", b -> { }), "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        assertValidationError(() -> importMaterial(kms, key.keyId(), randomBytes(32), "RSAES_OAEP_SHA_256",
                "RSA_2048", b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .validTo(clock.instant().plus(Duration.ofDays(1)))),
                "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE");
        assertValidationError(() -> importMaterial(kms, key.keyId(), randomBytes(32), "RSAES_OAEP_SHA_256",
                "RSA_2048", b -> b.validTo(clock.instant().minusSeconds(60))),
                "The validTo date must be in the future.");
        assertValidationError(() -> importMaterial(kms, key.keyId(), randomBytes(32), "RSAES_OAEP_SHA_256",
                "RSA_2048", b -> b.validTo(clock.instant().plus(Duration.ofDays(366)))),
                "The validTo date must be no more than 365 days from the request date.");
    }

    @Test
    void expiredMaterialReturnsTheKeyToPendingImportUntilImportedAgain() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        byte[] material = randomBytes(32);
        Instant validTo = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        importMaterial(kms, key.keyId(), material, "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo));
        KeyMetadata imported = describe(kms, key.keyId());
        assertThat(imported.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
        assertThat(imported.validTo()).isEqualTo(validTo);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("kept")))
                .ciphertextBlob();

        clock.advance(Duration.between(clock.instant(), validTo).plusSeconds(1));

        KeyMetadata expired = describe(kms, key.keyId());
        assertThat(expired.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(expired.enabled()).isFalse();
        assertThat(expired.expirationModel()).isNull();
        assertThat(expired.validTo()).isNull();
        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext)), KmsInvalidStateException.class,
                "KMSInvalidStateException", key.arn() + " is pending import.");

        importForever(kms, key.keyId(), material);
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asUtf8String()).isEqualTo("kept");
    }

    // ---------------------------------------------------------------- DeleteImportedKeyMaterial

    @Test
    void deleteImportedKeyMaterialLeavesTheKeyPendingImport() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        byte[] material = randomBytes(32);
        String materialId = importForever(kms, key.keyId(), material).keyMaterialId();

        DeleteImportedKeyMaterialResponse deleted = kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()));

        assertThat(deleted.keyId()).isEqualTo(key.arn());
        assertThat(deleted.keyMaterialId()).isEqualTo(materialId);
        KeyMetadata after = describe(kms, key.keyId());
        assertThat(after.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(after.enabled()).isFalse();
        assertThat(after.expirationModel()).isNull();
        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))),
                KmsInvalidStateException.class, "KMSInvalidStateException", key.arn() + " is pending import.");
        assertAwsError(() -> importForever(kms, key.keyId(), randomBytes(32)), IncorrectKeyMaterialException.class,
                "IncorrectKeyMaterialException",
                "The key material is not the key material previously imported into this KMS key.");
        assertThat(importForever(kms, key.keyId(), material).keyMaterialId()).isEqualTo(materialId);
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void deletingFromAKeyThatNeverHadMaterialChangesNothing() {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);

        DeleteImportedKeyMaterialResponse deleted = kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()));

        assertThat(deleted.keyId()).isEqualTo(key.arn());
        assertThat(deleted.keyMaterialId()).isNull();
        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    // ---------------------------------------------------------------- several materials, on-demand rotation

    @Test
    void newMaterialWaitsForAnOnDemandRotationAndEarlierMaterialKeepsDecrypting() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        byte[] first = randomBytes(32);
        byte[] second = randomBytes(32);
        String firstId = importMaterial(kms, key.keyId(), first, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .keyMaterialDescription("first")).keyMaterialId();
        SdkBytes old = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("old")))
                .ciphertextBlob();
        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException",
                key.arn() + " has no imported key material in the PENDING_ROTATION state.");
        Instant validTo = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        String secondId = importMaterial(kms, key.keyId(), second, "RSA_AES_KEY_WRAP_SHA_1", "RSA_2048",
                b -> b.importType(ImportType.NEW_KEY_MATERIAL).keyMaterialDescription("second")
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo)).keyMaterialId();

        assertThat(describe(kms, key.keyId()).currentKeyMaterialId()).isEqualTo(firstId);
        List<RotationsListEntry> pending = kms.listKeyRotations(b -> b.keyId(key.keyId())
                .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0)).satisfies(entry -> {
            assertThat(entry.keyMaterialId()).isEqualTo(firstId);
            assertThat(entry.keyMaterialState()).isEqualTo(KeyMaterialState.CURRENT);
            assertThat(entry.importState()).isEqualTo(ImportState.IMPORTED);
            assertThat(entry.keyMaterialDescription()).isEqualTo("first");
            assertThat(entry.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
            assertThat(entry.validTo()).isNull();
            assertThat(entry.rotationDate()).isNull();
        });
        assertThat(pending.get(1)).satisfies(entry -> {
            assertThat(entry.keyMaterialId()).isEqualTo(secondId);
            assertThat(entry.keyMaterialState()).isEqualTo(KeyMaterialState.PENDING_ROTATION);
            assertThat(entry.keyMaterialDescription()).isEqualTo("second");
            assertThat(entry.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
            assertThat(entry.validTo()).isEqualTo(validTo);
            assertThat(entry.rotationDate()).isNull();
            assertThat(entry.rotationType()).isNull();
        });
        assertThat(kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations()).isEmpty();

        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));

        assertThat(describe(kms, key.keyId()).currentKeyMaterialId()).isEqualTo(secondId);
        assertThat(kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations()).singleElement().satisfies(entry -> {
            assertThat(entry.keyMaterialId()).isEqualTo(secondId);
            assertThat(entry.keyMaterialState()).isEqualTo(KeyMaterialState.CURRENT);
            assertThat(entry.rotationType()).isEqualTo(RotationType.ON_DEMAND);
        });
        byte[] blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("new")))
                .ciphertextBlob().asByteArray();
        assertThat(new String(decryptLocally(blob, second), StandardCharsets.UTF_8)).isEqualTo("new");
        assertThat(kms.decrypt(b -> b.ciphertextBlob(old)).plaintext().asUtf8String()).isEqualTo("old");
    }

    @Test
    void importTypeAndKeyMaterialIdAreChecked() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        byte[] first = randomBytes(32);
        String firstId = importForever(kms, key.keyId(), first).keyMaterialId();

        assertAwsError(() -> importMaterial(kms, key.keyId(), first, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.NEW_KEY_MATERIAL)), IncorrectKeyMaterialException.class,
                "IncorrectKeyMaterialException", "The key material is already associated with this KMS key. Use "
                        + "ImportType EXISTING_KEY_MATERIAL to reimport it.");
        assertValidationError(() -> importMaterial(kms, key.keyId(), randomBytes(32), "RSAES_OAEP_SHA_256",
                "RSA_2048", b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.NEW_KEY_MATERIAL).keyMaterialId(firstId)),
                "KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL.");
        String otherId = "0".repeat(64);
        assertAwsError(() -> importMaterial(kms, key.keyId(), first, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.EXISTING_KEY_MATERIAL).keyMaterialId(otherId)),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException",
                "The key material is not the key material previously imported into this KMS key.");
        assertThat(importMaterial(kms, key.keyId(), first, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.EXISTING_KEY_MATERIAL).keyMaterialId(firstId)).keyMaterialId())
                .isEqualTo(firstId);
    }

    @Test
    void deletingNonCurrentAndPendingMaterialByItsId() throws Exception {
        KeyMetadata key = externalKey(kms, "SYMMETRIC_DEFAULT", null);
        byte[] first = randomBytes(32);
        String firstId = importForever(kms, key.keyId(), first).keyMaterialId();
        SdkBytes old = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("old")))
                .ciphertextBlob();
        importNew(key.keyId(), randomBytes(32));
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        String pendingId = importNew(key.keyId(), randomBytes(32));

        assertThat(kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()).keyMaterialId(pendingId))
                .keyMaterialId()).isEqualTo(pendingId);
        assertThat(allMaterials(key.keyId())).extracting(RotationsListEntry::keyMaterialId)
                .doesNotContain(pendingId).hasSize(2);

        kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()).keyMaterialId(firstId));

        assertThat(describe(kms, key.keyId()).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(allMaterials(key.keyId()).get(0)).satisfies(entry -> {
            assertThat(entry.keyMaterialId()).isEqualTo(firstId);
            assertThat(entry.importState()).isEqualTo(ImportState.PENDING_IMPORT);
            assertThat(entry.keyMaterialState()).isEqualTo(KeyMaterialState.NON_CURRENT);
        });
        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(old)), KmsInvalidStateException.class,
                "KMSInvalidStateException", "The key material " + firstId + " of " + key.arn() + " is pending import.");
        importMaterial(kms, key.keyId(), first, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE).keyMaterialId(firstId));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(old)).plaintext().asUtf8String()).isEqualTo("old");
        assertAwsError(() -> kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()).keyMaterialId(pendingId)),
                NotFoundException.class, "NotFoundException",
                "Key material " + pendingId + " is not associated with " + key.arn() + ".");
    }

    // ---------------------------------------------------------------- helpers

    private static KeyMetadata externalKey(KmsClient client, String spec, String usage) {
        return client.createKey(b -> b.origin(OriginType.EXTERNAL).keySpec(spec).keyUsage(usage)).keyMetadata();
    }

    private static KeyMetadata describe(KmsClient client, String keyId) {
        return client.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private static GetParametersForImportResponse parameters(KmsClient client, String keyId, String algorithm,
            String spec) {
        return client.getParametersForImport(b -> b.keyId(keyId).wrappingAlgorithm(algorithm).wrappingKeySpec(spec));
    }

    private static ImportKeyMaterialResponse importMaterial(KmsClient client, String keyId, byte[] material,
            String algorithm, String spec, Consumer<ImportKeyMaterialRequest.Builder> options) throws Exception {
        GetParametersForImportResponse parameters = parameters(client, keyId, algorithm, spec);
        byte[] wrapped = wrap(algorithm, parameters.publicKey().asByteArray(), material);
        return client.importKeyMaterial(b -> {
            b.keyId(keyId).importToken(parameters.importToken()).encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped));
            options.accept(b);
        });
    }

    private static ImportKeyMaterialResponse importForever(KmsClient client, String keyId, byte[] material)
            throws Exception {
        return importMaterial(client, keyId, material, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }

    private static String importNew(String keyId, byte[] material) throws Exception {
        return importMaterial(kms, keyId, material, "RSAES_OAEP_SHA_256", "RSA_2048",
                b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                        .importType(ImportType.NEW_KEY_MATERIAL)).keyMaterialId();
    }

    private static List<RotationsListEntry> allMaterials(String keyId) {
        return kms.listKeyRotations(b -> b.keyId(keyId).includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL))
                .rotations();
    }

    /**
     * Wraps key material as AWS documents each algorithm: RSAES_OAEP_* is RSA-OAEP with the same
     * hash for OAEP and MGF1; RSA_AES_KEY_WRAP_* is RSA-OAEP of a new 256-bit AES key followed by
     * the material under that key with AES key wrap with padding (RFC 5649), as OpenSSL's
     * id-aes256-wrap-pad; SM2PKE is GM/T 0009's DER SEQUENCE { x, y, C3, C2 }.
     */
    static byte[] wrap(String algorithm, byte[] publicKeyDer, byte[] material) throws Exception {
        switch (algorithm) {
            case "RSAES_OAEP_SHA_1":
                return oaep(publicKeyDer, "SHA-1", material);
            case "RSAES_OAEP_SHA_256":
                return oaep(publicKeyDer, "SHA-256", material);
            case "RSA_AES_KEY_WRAP_SHA_1":
            case "RSA_AES_KEY_WRAP_SHA_256":
                byte[] aesKey = randomBytes(32);
                Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
                kwp.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
                byte[] wrappedMaterial = kwp.doFinal(material);
                byte[] wrappedKey = oaep(publicKeyDer, algorithm.endsWith("SHA_1") ? "SHA-1" : "SHA-256", aesKey);
                byte[] out = Arrays.copyOf(wrappedKey, wrappedKey.length + wrappedMaterial.length);
                System.arraycopy(wrappedMaterial, 0, out, wrappedKey.length, wrappedMaterial.length);
                return out;
            case "SM2PKE":
                return sm2(publicKeyDer, material);
            default:
                throw new IllegalArgumentException(algorithm);
        }
    }

    private static byte[] oaep(byte[] publicKeyDer, String hash, byte[] plaintext) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key,
                new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
        return cipher.doFinal(plaintext);
    }

    /** BouncyCastle's SM2 cipher (raw C1 || C2 || C3, C1 = 04 || x || y) as DER SEQUENCE { x, y, C3, C2 }. */
    private static byte[] sm2(byte[] publicKeyDer, byte[] plaintext) throws Exception {
        PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher = Cipher.getInstance("SM2", BC);
        cipher.init(Cipher.ENCRYPT_MODE, key, RANDOM);
        byte[] raw = cipher.doFinal(plaintext);
        byte[] x = Arrays.copyOfRange(raw, 1, 33);
        byte[] y = Arrays.copyOfRange(raw, 33, 65);
        byte[] c2 = Arrays.copyOfRange(raw, 65, raw.length - 32);
        byte[] c3 = Arrays.copyOfRange(raw, raw.length - 32, raw.length);
        return new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(1, x)), new ASN1Integer(new BigInteger(1, y)),
            new DEROctetString(c3), new DEROctetString(c2)}).getEncoded("DER");
    }
}
