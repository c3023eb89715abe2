package dev.trent;

import static dev.trent.support.TestBytes.randomBytes;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Encrypt, Decrypt and ReEncrypt with asymmetric keys: RSA with RSAES-OAEP (SHA-1 and SHA-256) and
 * SM2 with SM2PKE in cn-north-1, through the AWS SDK against a real Trent. Ciphertexts made offline
 * with the key's GetPublicKey public key (JCA for RSA-OAEP, BouncyCastle for SM2, as AWS's
 * SM2OfflineOperationHelper does) must decrypt in Trent.
 */
class AsymmetricEncryptionTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String CHINA = TrentServer.CHINA_REGION;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static KmsClient kms;
    private static KmsClient china;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        china = trent.china();
    }


    /** Every RSA key spec with each OAEP algorithm, and AWS's plaintext limit for the pair [REC]. */
    enum Oaep {
        RSA_2048_SHA_1(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 214),
        RSA_2048_SHA_256(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 190),
        RSA_3072_SHA_1(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 342),
        RSA_3072_SHA_256(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 318),
        RSA_4096_SHA_1(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 470),
        RSA_4096_SHA_256(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 446);

        final KeySpec spec;
        final EncryptionAlgorithmSpec algorithm;
        final int maxPlaintext;

        Oaep(KeySpec spec, EncryptionAlgorithmSpec algorithm, int maxPlaintext) {
            this.spec = spec;
            this.algorithm = algorithm;
            this.maxPlaintext = maxPlaintext;
        }

        int modulusBytes() {
            return Integer.parseInt(spec.toString().substring("RSA_".length())) / 8;
        }

        /** The JCA name of the hash AWS uses for both OAEP and MGF1 with this algorithm. */
        String hash() {
            return algorithm == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 ? "SHA-1" : "SHA-256";
        }

        EncryptionAlgorithmSpec otherAlgorithm() {
            return algorithm == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                    ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 : EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1;
        }
    }

    // ---------------------------------------------------------------- RSA round trips

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void dataEncryptedOfflineWithThePublicKeyDecryptsInTrent(Oaep oaep) throws Exception {
        Key key = sharedRsaKey(oaep.spec);
        byte[] plaintext = randomBytes(100);
        byte[] ciphertext = oaepEncrypt(rsaPublicKey(key), oaep.hash(), plaintext);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .keyId(key.id()).encryptionAlgorithm(oaep.algorithm));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void decryptAnswersTheKeyArnAndAlgorithmAndNoKeyMaterialId(Oaep oaep) throws Exception {
        Key key = sharedRsaKey(oaep.spec);
        byte[] ciphertext = oaepEncrypt(rsaPublicKey(key), oaep.hash(), randomBytes(32));

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .keyId(key.id()).encryptionAlgorithm(oaep.algorithm));

        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(oaep.algorithm);
        assertThat(decrypted.keyMaterialId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void encryptAnswersTheKeyArnAlgorithmAndAModulusLengthCiphertext(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(32)))
                .encryptionAlgorithm(oaep.algorithm));

        assertThat(encrypted.keyId()).isEqualTo(key.arn());
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(oaep.algorithm);
        assertThat(encrypted.ciphertextBlob().asByteArray()).hasSize(oaep.modulusBytes());
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void trentsCiphertextDecryptsInTrent(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);
        byte[] plaintext = randomBytes(64);
        SdkBytes ciphertext = rsaEncrypt(key, oaep.algorithm, plaintext);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())
                .encryptionAlgorithm(oaep.algorithm));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void twoEncryptionsOfTheSamePlaintextDiffer(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);
        byte[] plaintext = randomBytes(16);

        byte[] first = rsaEncrypt(key, oaep.algorithm, plaintext).asByteArray();
        byte[] second = rsaEncrypt(key, oaep.algorithm, plaintext).asByteArray();

        assertThat(first).isNotEqualTo(second);
    }

    // ---------------------------------------------------------------- RSA plaintext limits

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void thePlaintextLimitItselfEncryptsAndDecrypts(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);
        byte[] plaintext = randomBytes(oaep.maxPlaintext);
        SdkBytes ciphertext = rsaEncrypt(key, oaep.algorithm, plaintext);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())
                .encryptionAlgorithm(oaep.algorithm));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void oneByteOverThePlaintextLimitIsValidationError(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);

        assertValidationError(() -> kms.encrypt(b -> b.keyId(key.id())
                        .plaintext(SdkBytes.fromByteArray(randomBytes(oaep.maxPlaintext + 1)))
                        .encryptionAlgorithm(oaep.algorithm)),
                "Algorithm " + oaep.algorithm + " and key spec " + oaep.spec + " cannot encrypt data larger than "
                        + oaep.maxPlaintext + " bytes.");
    }

    // ---------------------------------------------------------------- algorithms and keys Encrypt refuses

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void encryptWithAnRsaKeyAndNoAlgorithmIsInvalidKeyUsage(KeySpec spec) {
        Key key = sharedRsaKey(spec);

        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec " + spec + ".");
    }

    @ParameterizedTest
    @EnumSource(value = EncryptionAlgorithmSpec.class, names = {"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"})
    void encryptWithASymmetricKeyAndAnOaepAlgorithmIsInvalidKeyUsage(EncryptionAlgorithmSpec algorithm) {
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))
                        .encryptionAlgorithm(algorithm)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm " + algorithm + " is incompatible with key spec SYMMETRIC_DEFAULT.");
    }

    @Test
    void encryptWithAnRsaSigningKeyIsInvalidKeyUsage() {
        KeyMetadata key = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();

        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.");
    }

    @Test
    void encryptWithAnEncryptionContextAndAnRsaKeyIsValidationError() {
        Key key = sharedRsaKey(KeySpec.RSA_2048);

        assertValidationError(() -> kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                        .encryptionContext(Map.of("purpose", "test"))),
                "EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.");
    }

    @Test
    void decryptWithAnEncryptionContextAndAnRsaKeyIsValidationError() {
        Key key = sharedRsaKey(KeySpec.RSA_2048);
        SdkBytes ciphertext = rsaEncrypt(key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(16));

        assertValidationError(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                        .encryptionContext(Map.of("purpose", "test"))),
                "EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.");
    }

    // ---------------------------------------------------------------- RSA ciphertexts Decrypt refuses

    @Test
    void decryptOfAnRsaCiphertextWithoutKeyIdIsInvalidCiphertext() {
        Key key = sharedRsaKey(KeySpec.RSA_2048);
        SdkBytes ciphertext = rsaEncrypt(key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(16));

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext)));
    }

    @Test
    void decryptOfAnRsaCiphertextWithKeyIdButNoAlgorithmIsInvalidCiphertext() {
        Key key = sharedRsaKey(KeySpec.RSA_2048);
        SdkBytes ciphertext = rsaEncrypt(key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(16));

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())));
    }

    @ParameterizedTest
    @EnumSource(Oaep.class)
    void decryptWithTheOtherOaepHashIsInvalidCiphertext(Oaep oaep) {
        Key key = sharedRsaKey(oaep.spec);
        SdkBytes ciphertext = rsaEncrypt(key, oaep.algorithm, randomBytes(16));

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())
                .encryptionAlgorithm(oaep.otherAlgorithm())));
    }

    /** Changes to an RSA ciphertext. */
    enum Tamper {
        BYTE_IN_THE_MIDDLE_FLIPPED(blob -> {
            blob[blob.length / 2] ^= 0x01;
            return blob;
        }),
        LAST_BYTE_FLIPPED(blob -> {
            blob[blob.length - 1] ^= 0x01;
            return blob;
        }),
        LAST_BYTE_REMOVED(blob -> Arrays.copyOf(blob, blob.length - 1)),
        BYTE_APPENDED(blob -> Arrays.copyOf(blob, blob.length + 1));

        private final Function<byte[], byte[]> change;

        Tamper(Function<byte[], byte[]> change) {
            this.change = change;
        }

        byte[] apply(byte[] blob) {
            return change.apply(blob.clone());
        }
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void tamperedRsaCiphertextIsInvalidCiphertext(Tamper tamper) {
        Key key = newRsaKey(KeySpec.RSA_2048);
        byte[] ciphertext = rsaEncrypt(key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(32)).asByteArray();
        byte[] tampered = tamper.apply(ciphertext);

        assertInvalidCiphertext(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                .keyId(key.id()).encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
    }

    // ---------------------------------------------------------------- ReEncrypt

    /** Which kinds of key a ReEncrypt goes from and to. */
    enum Direction {
        RSA_TO_RSA(true, true), RSA_TO_SYMMETRIC(true, false), SYMMETRIC_TO_RSA(false, true);

        final boolean fromRsa;
        final boolean toRsa;

        Direction(boolean fromRsa, boolean toRsa) {
            this.fromRsa = fromRsa;
            this.toRsa = toRsa;
        }

        EncryptionAlgorithmSpec sourceAlgorithm() {
            return fromRsa ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 : EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT;
        }

        EncryptionAlgorithmSpec destinationAlgorithm() {
            return toRsa ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 : EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT;
        }
    }

    /** A ciphertext under a source key, re-encrypted under a destination key; the test chooses what to check. */
    record ReEncryption(Key source, Key destination, byte[] plaintext, ReEncryptResponse response) {
    }

    private static ReEncryption reEncrypt(Direction direction) {
        Key source = direction.fromRsa ? newRsaKey(KeySpec.RSA_2048) : newSymmetricKey();
        Key destination = direction.toRsa ? newRsaKey(KeySpec.RSA_3072) : newSymmetricKey();
        byte[] plaintext = randomBytes(100);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(source.id()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm(direction.sourceAlgorithm())).ciphertextBlob();
        ReEncryptResponse response = kms.reEncrypt(b -> b.ciphertextBlob(ciphertext)
                .sourceKeyId(direction.fromRsa ? source.id() : null)
                .sourceEncryptionAlgorithm(direction.fromRsa ? direction.sourceAlgorithm() : null)
                .destinationKeyId(destination.id())
                .destinationEncryptionAlgorithm(direction.toRsa ? direction.destinationAlgorithm() : null));
        return new ReEncryption(source, destination, plaintext, response);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void reEncryptedCiphertextDecryptsUnderTheDestinationKey(Direction direction) {
        ReEncryption reEncryption = reEncrypt(direction);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(reEncryption.response().ciphertextBlob())
                .keyId(direction.toRsa ? reEncryption.destination().id() : null)
                .encryptionAlgorithm(direction.toRsa ? direction.destinationAlgorithm() : null));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(reEncryption.plaintext());
        assertThat(decrypted.keyId()).isEqualTo(reEncryption.destination().arn());
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void reEncryptAnswersBothKeyArnsAndAlgorithms(Direction direction) {
        ReEncryption reEncryption = reEncrypt(direction);

        ReEncryptResponse response = reEncryption.response();
        assertThat(response.sourceKeyId()).isEqualTo(reEncryption.source().arn());
        assertThat(response.keyId()).isEqualTo(reEncryption.destination().arn());
        assertThat(response.sourceEncryptionAlgorithm()).isEqualTo(direction.sourceAlgorithm());
        assertThat(response.destinationEncryptionAlgorithm()).isEqualTo(direction.destinationAlgorithm());
    }

    @Test
    void reEncryptToAnRsaKeyOfMoreThanItsLimitIsValidationError() {
        Key source = newSymmetricKey();
        Key destination = sharedRsaKey(KeySpec.RSA_2048);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(source.id())
                .plaintext(SdkBytes.fromByteArray(randomBytes(191)))).ciphertextBlob();

        assertValidationError(() -> kms.reEncrypt(b -> b.ciphertextBlob(ciphertext).destinationKeyId(destination.id())
                        .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)),
                "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.");
    }

    // ---------------------------------------------------------------- SM2PKE (China Regions)

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 1024})
    void sm2DataEncryptedOfflineWithThePublicKeyDecryptsInTrent(int size) throws Exception {
        Key key = newSm2Key();
        byte[] plaintext = randomBytes(size);
        byte[] ciphertext = offlineSm2Encrypt(sm2PublicKey(key), plaintext);

        DecryptResponse decrypted = china.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .keyId(key.id()).encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @Test
    void sm2EncryptAnswersTheKeyArnAndSm2Pke() {
        Key key = newSm2Key();

        EncryptResponse encrypted = china.encrypt(b -> b.keyId(key.id())
                .plaintext(SdkBytes.fromByteArray(randomBytes(16))).encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE));

        assertThat(encrypted.keyId()).isEqualTo(key.arn()).startsWith("arn:aws-cn:kms:" + CHINA + ":");
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SM2_PKE);
    }

    /** GM/T 0009: SEQUENCE { INTEGER x, INTEGER y, OCTET STRING hash (SM3), OCTET STRING ciphertext }. */
    @ParameterizedTest
    @ValueSource(ints = {1, 100, 1024})
    void sm2CiphertextIsTheDerStructureAwsGives(int size) {
        Key key = newSm2Key();
        byte[] plaintext = randomBytes(size);

        byte[] ciphertext = sm2Encrypt(key, plaintext).asByteArray();

        ASN1Sequence sequence = ASN1Sequence.getInstance(ciphertext);
        assertThat(sequence.size()).isEqualTo(4);
        BigInteger x = ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue();
        BigInteger y = ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue();
        X9ECParameters sm2 = GMNamedCurves.getByName("sm2p256v1");
        assertThat(sm2.getCurve().createPoint(x, y).isValid()).as("C1 (x, y) is a point of sm2p256v1").isTrue();
        assertThat(ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets()).hasSize(32);
        assertThat(ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets()).hasSize(size)
                .isNotEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 1024})
    void sm2TrentsCiphertextDecryptsInTrent(int size) {
        Key key = newSm2Key();
        byte[] plaintext = randomBytes(size);
        SdkBytes ciphertext = sm2Encrypt(key, plaintext);

        DecryptResponse decrypted = china.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(key.id())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE));

        assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SM2_PKE);
    }

    @Test
    void sm2EncryptionOfMoreThan1024BytesIsValidationError() {
        Key key = newSm2Key();

        assertValidationError(() -> china.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(1025)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)),
                "Algorithm SM2PKE and key spec SM2 cannot encrypt data larger than 1024 bytes.");
    }

    /** The SM3 hash C3 covers the plaintext: a changed C2 cannot decrypt. */
    @Test
    void sm2CiphertextWithAChangedBodyIsInvalidCiphertext() throws Exception {
        Key key = newSm2Key();
        ASN1Sequence sequence = ASN1Sequence.getInstance(sm2Encrypt(key, randomBytes(64)).asByteArray());
        byte[] body = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
        body[10] ^= 0x01;
        byte[] tampered = new DERSequence(new ASN1Encodable[] {
            sequence.getObjectAt(0), sequence.getObjectAt(1), sequence.getObjectAt(2), new DEROctetString(body)})
                .getEncoded("DER");

        assertInvalidCiphertext(() -> china.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                .keyId(key.id()).encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)));
    }

    @Test
    void sm2EncryptWithAnEncryptionContextIsValidationError() {
        Key key = newSm2Key();

        assertValidationError(() -> china.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE).encryptionContext(Map.of("k", "v"))),
                "EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.");
    }

    @Test
    void sm2PkeWithAnRsaKeyIsInvalidKeyUsage() {
        Key key = newRsaKey(KeySpec.RSA_2048);

        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(randomBytes(16)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                "Algorithm SM2PKE is incompatible with key spec RSA_2048.");
    }

    // ---------------------------------------------------------------- helpers

    record Key(String id, String arn) {
        static Key of(KeyMetadata metadata) {
            return new Key(metadata.keyId(), metadata.arn());
        }
    }

    /** One RSA key per spec for the tests that need only one: RSA keys take seconds to make. */
    private static Key sharedRsaKey(KeySpec spec) {
        return SHARED_RSA_KEYS.computeIfAbsent(spec, AsymmetricEncryptionTest::newRsaKey);
    }

    private static final Map<KeySpec, Key> SHARED_RSA_KEYS = new ConcurrentHashMap<>();

    private static Key newRsaKey(KeySpec spec) {
        return Key.of(kms.createKey(b -> b.keySpec(spec).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata());
    }

    private static Key newSymmetricKey() {
        return Key.of(kms.createKey(b -> { }).keyMetadata());
    }

    private static Key newSm2Key() {
        return Key.of(china.createKey(b -> b.keySpec(KeySpec.SM2).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata());
    }

    private static SdkBytes rsaEncrypt(Key key, EncryptionAlgorithmSpec algorithm, byte[] plaintext) {
        return kms.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm(algorithm)).ciphertextBlob();
    }

    private static SdkBytes sm2Encrypt(Key key, byte[] plaintext) {
        return china.encrypt(b -> b.keyId(key.id()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).ciphertextBlob();
    }

    private static RSAPublicKey rsaPublicKey(Key key) throws Exception {
        byte[] spki = kms.getPublicKey(b -> b.keyId(key.id())).publicKey().asByteArray();
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static PublicKey sm2PublicKey(Key key) throws Exception {
        byte[] spki = china.getPublicKey(b -> b.keyId(key.id())).publicKey().asByteArray();
        return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** RSAES-OAEP as AWS documents it: the same hash for OAEP and MGF1, an empty label. */
    private static byte[] oaepEncrypt(RSAPublicKey key, String hash, byte[] plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key,
                new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
        return cipher.doFinal(plaintext);
    }

    /**
     * AWS's SM2OfflineOperationHelper.offlineSM2PKEEncrypt: BouncyCastle's SM2 cipher (raw output
     * C1 || C2 || C3, C1 = 04 || x || y), converted to SEQUENCE { x, y, C3, C2 }.
     */
    private static byte[] offlineSm2Encrypt(PublicKey key, byte[] plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("SM2", BC);
        cipher.init(Cipher.ENCRYPT_MODE, key, RANDOM);
        byte[] raw = cipher.doFinal(plaintext);
        int pointLength = 65;
        int hashLength = 32;
        assertThat(raw).hasSize(pointLength + plaintext.length + hashLength);
        assertThat(raw[0]).as("uncompressed C1").isEqualTo((byte) 0x04);
        byte[] x = Arrays.copyOfRange(raw, 1, 33);
        byte[] y = Arrays.copyOfRange(raw, 33, 65);
        byte[] c2 = Arrays.copyOfRange(raw, pointLength, raw.length - hashLength);
        byte[] c3 = Arrays.copyOfRange(raw, raw.length - hashLength, raw.length);
        return new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(1, x)), new ASN1Integer(new BigInteger(1, y)),
            new DEROctetString(c3), new DEROctetString(c2)}).getEncoded("DER");
    }

    private static void assertInvalidCiphertext(ThrowingCallable call) {
        assertAwsErrorWithoutMessage(call, InvalidCiphertextException.class, "InvalidCiphertextException");
    }
}
