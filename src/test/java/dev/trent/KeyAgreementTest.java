package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * DeriveSharedSecret with KEY_AGREEMENT keys on the NIST curves (us-east-1) and SM2 (cn-north-1),
 * through the AWS SDK against a real Trent. The shared secret must be the raw ECDH x-coordinate
 * (no KDF), the one the peer computes offline with its private key and the key's public key: JCA's
 * ECDH for the NIST curves, BouncyCastle's for sm2p256v1.
 */
class KeyAgreementTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String CHINA = TrentServer.CHINA_REGION;
    private static final Provider BC = new BouncyCastleProvider();

    private static KmsClient kms;
    private static KmsClient china;

    @BeforeAll
    static void clients() {
        kms = trent.kms();
        china = trent.china();
    }


    /** A curve KMS agrees keys on, the region its keys live in, and the length of its ECDH secret. */
    enum Curve {
        P256(KeySpec.ECC_NIST_P256, "secp256r1", 32, false),
        P384(KeySpec.ECC_NIST_P384, "secp384r1", 48, false),
        P521(KeySpec.ECC_NIST_P521, "secp521r1", 66, false),
        SM2(KeySpec.SM2, "sm2p256v1", 32, true);

        final KeySpec spec;
        final String curveName;
        final int secretLength;
        final boolean inChina;

        Curve(KeySpec spec, String curveName, int secretLength, boolean inChina) {
            this.spec = spec;
            this.curveName = curveName;
            this.secretLength = secretLength;
            this.inChina = inChina;
        }

        KmsClient client() {
            return inChina ? china : kms;
        }

        /** JCA for the NIST curves; the JDK has no SM2, so BouncyCastle for sm2p256v1. */
        Provider provider() throws Exception {
            return inChina ? BC : KeyFactory.getInstance("EC").getProvider();
        }

        KeyPair newPeer() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider());
            generator.initialize(new ECGenParameterSpec(curveName));
            return generator.generateKeyPair();
        }

        /** The peer's side of ECDH: its private key with the KMS key's public key (SPKI). */
        byte[] ecdh(PrivateKey peerPrivate, byte[] kmsPublicKey) throws Exception {
            PublicKey kmsPublic = KeyFactory.getInstance("EC", provider())
                    .generatePublic(new X509EncodedKeySpec(kmsPublicKey));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider());
            agreement.init(peerPrivate);
            agreement.doPhase(kmsPublic, true);
            return agreement.generateSecret();
        }
    }

    // ---------------------------------------------------------------- the shared secret

    @ParameterizedTest
    @EnumSource(Curve.class)
    void sharedSecretIsTheEcdhSecretThePeerComputesOffline(Curve curve) throws Exception {
        Key key = newKeyAgreementKey(curve);
        KeyPair peer = curve.newPeer();

        byte[] secret = derive(curve, key, peer.getPublic().getEncoded()).sharedSecret().asByteArray();

        assertThat(secret).isEqualTo(curve.ecdh(peer.getPrivate(), publicKey(curve, key)));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void sharedSecretIsTheFieldSizeInBytes(Curve curve) throws Exception {
        Key key = newKeyAgreementKey(curve);

        byte[] secret = derive(curve, key, curve.newPeer().getPublic().getEncoded()).sharedSecret().asByteArray();

        assertThat(secret).hasSize(curve.secretLength);
    }

    /** Two KMS keys on one curve agree: each derives the same secret with the other's public key. */
    @ParameterizedTest
    @EnumSource(Curve.class)
    void twoKmsKeysDeriveTheSameSecretFromEachOthersPublicKey(Curve curve) {
        Key alice = newKeyAgreementKey(curve);
        Key bob = newKeyAgreementKey(curve);

        byte[] aliceSecret = derive(curve, alice, publicKey(curve, bob)).sharedSecret().asByteArray();
        byte[] bobSecret = derive(curve, bob, publicKey(curve, alice)).sharedSecret().asByteArray();

        assertThat(aliceSecret).isEqualTo(bobSecret);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void anotherPeerGivesAnotherSecret(Curve curve) throws Exception {
        Key key = newKeyAgreementKey(curve);

        byte[] first = derive(curve, key, curve.newPeer().getPublic().getEncoded()).sharedSecret().asByteArray();
        byte[] second = derive(curve, key, curve.newPeer().getPublic().getEncoded()).sharedSecret().asByteArray();

        assertThat(first).isNotEqualTo(second);
    }

    /** Requested by key ARN, so that AWS's KeyId (the ARN for every other operation) is the same either way. */
    @ParameterizedTest
    @EnumSource(Curve.class)
    void deriveSharedSecretAnswersTheKeyArnEcdhAndTheKeyOrigin(Curve curve) throws Exception {
        Key key = newKeyAgreementKey(curve);
        byte[] peer = curve.newPeer().getPublic().getEncoded();

        DeriveSharedSecretResponse response = curve.client().deriveSharedSecret(b -> b.keyId(key.arn())
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(SdkBytes.fromByteArray(peer)));

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keyAgreementAlgorithm()).isEqualTo(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(response.keyOrigin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(response.ciphertextForRecipient()).isNull();
    }

    // ---------------------------------------------------------------- public key and metadata

    @ParameterizedTest
    @EnumSource(Curve.class)
    void getPublicKeyOfAKeyAgreementKeyListsEcdhOnly(Curve curve) {
        Key key = newKeyAgreementKey(curve);

        GetPublicKeyResponse response = curve.client().getPublicKey(b -> b.keyId(key.id()));

        assertThat(response.keyId()).isEqualTo(key.arn());
        assertThat(response.keySpec()).isEqualTo(curve.spec);
        assertThat(response.keyUsage()).isEqualTo(KeyUsageType.KEY_AGREEMENT);
        assertThat(response.keyAgreementAlgorithms()).containsExactly(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(response.hasEncryptionAlgorithms()).as("EncryptionAlgorithms present").isFalse();
        assertThat(response.hasSigningAlgorithms()).as("SigningAlgorithms present").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void describeKeyOfAKeyAgreementKeyListsEcdhOnly(Curve curve) {
        Key key = newKeyAgreementKey(curve);

        KeyMetadata metadata = curve.client().describeKey(b -> b.keyId(key.id())).keyMetadata();

        assertThat(metadata.keyUsage()).isEqualTo(KeyUsageType.KEY_AGREEMENT);
        assertThat(metadata.keyAgreementAlgorithms()).containsExactly(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(metadata.hasEncryptionAlgorithms()).as("EncryptionAlgorithms present").isFalse();
        assertThat(metadata.hasSigningAlgorithms()).as("SigningAlgorithms present").isFalse();
        assertThat(metadata.currentKeyMaterialId()).isNull();
    }

    // ---------------------------------------------------------------- peer keys refused

    @ParameterizedTest
    @EnumSource(Curve.class)
    void aPeerKeyThatIsNotDerIsValidationErrorWithoutMessage(Curve curve) {
        Key key = newKeyAgreementKey(curve);
        byte[] notDer = "InvalidPublicKey".getBytes(StandardCharsets.US_ASCII);

        assertAwsErrorWithoutMessage(() -> derive(curve, key, notDer), KmsException.class, "ValidationException");
    }

    /** A well-formed SPKI on a curve other than the key's. */
    enum Mismatch {
        P256_WITH_A_P384_PEER(Curve.P256, Curve.P384),
        P384_WITH_A_P521_PEER(Curve.P384, Curve.P521),
        P521_WITH_A_P256_PEER(Curve.P521, Curve.P256),
        SM2_WITH_A_P256_PEER(Curve.SM2, Curve.P256);

        final Curve key;
        final Curve peer;

        Mismatch(Curve key, Curve peer) {
            this.key = key;
            this.peer = peer;
        }
    }

    @ParameterizedTest
    @EnumSource(Mismatch.class)
    void aPeerKeyOnAnotherCurveIsValidationError(Mismatch mismatch) throws Exception {
        Key key = newKeyAgreementKey(mismatch.key);
        byte[] peer = mismatch.peer.newPeer().getPublic().getEncoded();

        assertAwsError(() -> derive(mismatch.key, key, peer), KmsException.class, "ValidationException");
    }

    @Test
    void aPeerRsaKeyIsValidationError() throws Exception {
        Key key = newKeyAgreementKey(Curve.P256);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] peer = rsa.generateKeyPair().getPublic().getEncoded();

        assertAwsError(() -> derive(Curve.P256, key, peer), KmsException.class, "ValidationException");
    }

    // ---------------------------------------------------------------- keys and algorithms refused

    /** Keys that cannot agree, with the usage AWS names. */
    enum NotKeyAgreement {
        P256_SIGNING(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY, false),
        P384_SIGNING(KeySpec.ECC_NIST_P384, KeyUsageType.SIGN_VERIFY, false),
        SECP256K1_SIGNING(KeySpec.ECC_SECG_P256_K1, KeyUsageType.SIGN_VERIFY, false),
        SYMMETRIC(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT, false),
        SM2_SIGNING(KeySpec.SM2, KeyUsageType.SIGN_VERIFY, true),
        SM2_ENCRYPTION(KeySpec.SM2, KeyUsageType.ENCRYPT_DECRYPT, true);

        final KeySpec spec;
        final KeyUsageType usage;
        final boolean inChina;

        NotKeyAgreement(KeySpec spec, KeyUsageType usage, boolean inChina) {
            this.spec = spec;
            this.usage = usage;
            this.inChina = inChina;
        }
    }

    @ParameterizedTest
    @EnumSource(NotKeyAgreement.class)
    void deriveSharedSecretWithAKeyOfAnotherUsageIsInvalidKeyUsage(NotKeyAgreement other) throws Exception {
        KmsClient client = other.inChina ? china : kms;
        KeyMetadata key = client.createKey(b -> b.keySpec(other.spec).keyUsage(other.usage)).keyMetadata();
        byte[] peer = (other.inChina ? Curve.SM2 : Curve.P256).newPeer().getPublic().getEncoded();

        assertAwsError(() -> client.deriveSharedSecret(b -> b.keyId(key.keyId())
                        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(SdkBytes.fromByteArray(peer))),
                InvalidKeyUsageException.class, "InvalidKeyUsageException",
                key.arn() + " key usage is " + other.usage + " which is not valid for DeriveSharedSecret.");
    }

    @Test
    void anUnknownKeyAgreementAlgorithmIsValidationError() throws Exception {
        Key key = newKeyAgreementKey(Curve.P256);
        byte[] peer = Curve.P256.newPeer().getPublic().getEncoded();

        assertValidationError(() -> kms.deriveSharedSecret(b -> b.keyId(key.id()).keyAgreementAlgorithm("INVALID")
                        .publicKey(SdkBytes.fromByteArray(peer))),
                "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ECDH]");
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class,
            names = {"RSA_2048", "RSA_3072", "RSA_4096", "ECC_SECG_P256_K1", "ECC_NIST_EDWARDS25519"})
    void createKeyForKeyAgreementWithASpecThatCannotAgreeIsValidationError(KeySpec spec) {
        assertValidationError(() -> kms.createKey(b -> b.keySpec(spec).keyUsage(KeyUsageType.KEY_AGREEMENT)),
                "KeyUsage KEY_AGREEMENT is not compatible with KeySpec " + spec);
    }

    // ---------------------------------------------------------------- DryRun

    @ParameterizedTest
    @EnumSource(Curve.class)
    void dryRunOfDeriveSharedSecretIsDryRunOperation(Curve curve) throws Exception {
        Key key = newKeyAgreementKey(curve);
        byte[] peer = curve.newPeer().getPublic().getEncoded();

        assertAwsError(() -> curve.client().deriveSharedSecret(b -> b.keyId(key.id())
                        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(SdkBytes.fromByteArray(peer))
                        .dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
    }

    // ---------------------------------------------------------------- helpers

    record Key(String id, String arn) {
    }

    private static Key newKeyAgreementKey(Curve curve) {
        KeyMetadata metadata = curve.client().createKey(b -> b.keySpec(curve.spec).keyUsage(KeyUsageType.KEY_AGREEMENT))
                .keyMetadata();
        return new Key(metadata.keyId(), metadata.arn());
    }

    private static byte[] publicKey(Curve curve, Key key) {
        return curve.client().getPublicKey(b -> b.keyId(key.id())).publicKey().asByteArray();
    }

    private static DeriveSharedSecretResponse derive(Curve curve, Key key, byte[] peerPublicKey) {
        return curve.client().deriveSharedSecret(b -> b.keyId(key.id())
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(SdkBytes.fromByteArray(peerPublicKey)));
    }
}
