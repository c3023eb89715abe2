package dev.trent.durability;

import static dev.trent.support.TestBytes.randomBytes;
import static dev.trent.support.TestTags.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.store.StoreSettings;
import dev.trent.support.DurableTrent;
import dev.trent.support.ExternalMaterial;
import dev.trent.support.TestPolicies;
import dev.trent.support.TrentServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ConnectionStateType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncapsulateResponse;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;

/**
 * Everything Trent keeps survives a restart on a durable store: each test makes state through the
 * SDK, closes Trent, starts a new Trent on the same store (nothing else carried over), and checks
 * the state through the SDK, with the cryptography checked independently (JCA, BouncyCastle).
 * Subclasses give the store.
 */
abstract class RestartRoundTripContract {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/exampleUser";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final byte[] MESSAGE = "signed before the restart".getBytes(StandardCharsets.UTF_8);

    /** A new, empty store for one test. */
    abstract StoreSettings newStore();

    DurableTrent trent;

    @BeforeEach
    void startTrent() {
        trent = DurableTrent.start(newStore());
    }

    @AfterEach
    void stopTrent() {
        trent.close();
    }

    private KmsClient kms() {
        return trent.kms();
    }

    private KeyMetadata create(String spec, String usage) {
        return kms().createKey(b -> b.keySpec(spec).keyUsage(usage).description(spec + " " + usage)).keyMetadata();
    }

    private KeyMetadata describe(String keyId) {
        return kms().describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private byte[] publicKey(String keyId) {
        return kms().getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
    }

    private byte[] sign(String keyId, String algorithm) {
        return kms().sign(b -> b.keyId(keyId).message(SdkBytes.fromByteArray(MESSAGE)).messageType("RAW")
                .signingAlgorithm(algorithm)).signature().asByteArray();
    }

    // ---------------------------------------------------------------- keys of every kind

    @Test
    void symmetricKeysKeepTheirMaterial() {
        KeyMetadata key = create("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        Map<String, String> context = Map.of("purpose", "round trip");
        SdkBytes plaintext = SdkBytes.fromByteArray(randomBytes(100));
        SdkBytes ciphertext = kms().encrypt(b -> b.keyId(key.keyId()).plaintext(plaintext)
                .encryptionContext(context)).ciphertextBlob();
        SdkBytes dataKey = kms().generateDataKey(b -> b.keyId(key.keyId()).keySpec("AES_256")).ciphertextBlob();
        byte[] dataKeyPlaintext = kms().decrypt(b -> b.ciphertextBlob(dataKey)).plaintext().asByteArray();

        trent.restart();

        assertThat(describe(key.keyId())).isEqualTo(key);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(context)).plaintext())
                .isEqualTo(plaintext);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(dataKey)).plaintext().asByteArray()).isEqualTo(dataKeyPlaintext);
    }

    @Test
    void rsaKeysKeepTheirKeyPair() throws Exception {
        KeyMetadata encryption = create("RSA_2048", "ENCRYPT_DECRYPT");
        KeyMetadata signing = create("RSA_3072", "SIGN_VERIFY");
        byte[] encryptionPublic = publicKey(encryption.keyId());
        byte[] signingPublic = publicKey(signing.keyId());
        byte[] secret = randomBytes(64);
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encryptionPublic)),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] locallyEncrypted = oaep.doFinal(secret);
        byte[] pss = sign(signing.keyId(), "RSASSA_PSS_SHA_256");
        byte[] pkcs1 = sign(signing.keyId(), "RSASSA_PKCS1_V1_5_SHA_384");

        trent.restart();

        assertThat(describe(encryption.keyId())).isEqualTo(encryption);
        assertThat(describe(signing.keyId())).isEqualTo(signing);
        assertThat(publicKey(encryption.keyId())).isEqualTo(encryptionPublic);
        assertThat(kms().decrypt(b -> b.keyId(encryption.keyId()).encryptionAlgorithm("RSAES_OAEP_SHA_256")
                .ciphertextBlob(SdkBytes.fromByteArray(locallyEncrypted))).plaintext().asByteArray()).isEqualTo(secret);
        PublicKey after = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKey(signing.keyId())));
        Signature pssVerifier = Signature.getInstance("RSASSA-PSS");
        pssVerifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
                PSSParameterSpec.TRAILER_FIELD_BC));
        assertThat(verify(pssVerifier, after, pss)).isTrue();
        assertThat(verify(Signature.getInstance("SHA384withRSA"), after, pkcs1)).isTrue();
    }

    @Test
    void eccSigningKeysKeepTheirKeyPair() throws Exception {
        KeyMetadata p384 = create("ECC_NIST_P384", "SIGN_VERIFY");
        KeyMetadata secp256k1 = create("ECC_SECG_P256K1", "SIGN_VERIFY");
        KeyMetadata ed25519 = create("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
        byte[] p384Signature = sign(p384.keyId(), "ECDSA_SHA_384");
        byte[] secpSignature = sign(secp256k1.keyId(), "ECDSA_SHA_256");
        byte[] edSignature = sign(ed25519.keyId(), "ED25519_SHA_512");

        trent.restart();

        assertThat(describe(p384.keyId())).isEqualTo(p384);
        assertThat(verify(Signature.getInstance("SHA384withECDSA"),
                KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey(p384.keyId()))),
                p384Signature)).isTrue();
        assertThat(verify(Signature.getInstance("SHA256withECDSA", BC),
                KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKey(secp256k1.keyId()))),
                secpSignature)).isTrue();
        assertThat(verify(Signature.getInstance("Ed25519"),
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey(ed25519.keyId()))),
                edSignature)).isTrue();
        // and the private key is the same one: a signature made after the restart verifies too
        assertThat(verify(Signature.getInstance("SHA384withECDSA"),
                KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey(p384.keyId()))),
                sign(p384.keyId(), "ECDSA_SHA_384"))).isTrue();
    }

    @Test
    void mlDsaKeysKeepTheirKeyPair() throws Exception {
        KeyMetadata key = create("ML_DSA_65", "SIGN_VERIFY");
        byte[] publicBefore = publicKey(key.keyId());
        byte[] signature = sign(key.keyId(), "ML_DSA_SHAKE_256");

        trent.restart();

        assertThat(describe(key.keyId())).isEqualTo(key);
        byte[] publicAfter = publicKey(key.keyId());
        assertThat(publicAfter).isEqualTo(publicBefore);
        assertThat(verify(Signature.getInstance("ML-DSA", BC),
                KeyFactory.getInstance("ML-DSA", BC).generatePublic(new X509EncodedKeySpec(publicAfter)),
                signature)).isTrue();
    }

    @Test
    void hmacKeysKeepTheirKey() {
        KeyMetadata key = create("HMAC_384", "GENERATE_VERIFY_MAC");
        SdkBytes message = SdkBytes.fromUtf8String("mac before the restart");
        SdkBytes mac = kms().generateMac(b -> b.keyId(key.keyId()).macAlgorithm("HMAC_SHA_384").message(message)).mac();

        trent.restart();

        assertThat(describe(key.keyId())).isEqualTo(key);
        assertThat(kms().verifyMac(b -> b.keyId(key.keyId()).macAlgorithm("HMAC_SHA_384").message(message).mac(mac))
                .macValid()).isTrue();
        assertThat(kms().generateMac(b -> b.keyId(key.keyId()).macAlgorithm("HMAC_SHA_384").message(message)).mac())
                .isEqualTo(mac);
    }

    @Test
    void keyAgreementAndKemKeysKeepTheirKeyPair() throws Exception {
        KeyMetadata ecdh = create("ECC_NIST_P256", "KEY_AGREEMENT");
        KeyMetadata kem = create("ML_KEM_768", "ENCAPSULATE_DECAPSULATE");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair mine = generator.generateKeyPair();
        EncapsulateResponse encapsulated = kms().encapsulate(b -> b.keyId(kem.keyId()).encapsulationAlgorithm("ML_KEM"));

        trent.restart();

        assertThat(describe(ecdh.keyId())).isEqualTo(ecdh);
        assertThat(describe(kem.keyId())).isEqualTo(kem);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(mine.getPrivate());
        agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey(ecdh.keyId()))),
                true);
        byte[] expected = agreement.generateSecret();
        assertThat(kms().deriveSharedSecret(b -> b.keyId(ecdh.keyId()).keyAgreementAlgorithm("ECDH")
                .publicKey(SdkBytes.fromByteArray(mine.getPublic().getEncoded()))).sharedSecret().asByteArray())
                .isEqualTo(expected);
        assertThat(kms().decapsulate(b -> b.keyId(kem.keyId()).encapsulationAlgorithm("ML_KEM")
                .sharedSecretCiphertextBlob(encapsulated.sharedSecretCiphertextBlob())).sharedSecret())
                .isEqualTo(encapsulated.sharedSecret());
    }

    private static boolean verify(Signature verifier, PublicKey key, byte[] signature) throws Exception {
        verifier.initVerify(key);
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    // ---------------------------------------------------------------- what is said about keys

    @Test
    void descriptionsStatesPoliciesTagsAndAliasesSurvive() {
        KeyMetadata described = kms().createKey(b -> b.description("first words")
                .tags(tag("Team", "payments"), tag("Stage", "test"), tag("Gone", "soon"))).keyMetadata();
        kms().updateKeyDescription(b -> b.keyId(described.keyId()).description("last words"));
        kms().untagResource(b -> b.keyId(described.keyId()).tagKeys("Gone"));
        kms().tagResource(b -> b.keyId(described.keyId()).tags(tag("Stage", "prod")));
        String policy = TestPolicies.defaultPolicy(ACCOUNT).replace("key-default-1", "key-restart-1");
        kms().putKeyPolicy(b -> b.keyId(described.keyId()).policy(policy));
        String disabled = kms().createKey(b -> { }).keyMetadata().keyId();
        kms().disableKey(b -> b.keyId(disabled));
        String pending = kms().createKey(b -> { }).keyMetadata().keyId();
        Instant deletionDate = kms().scheduleKeyDeletion(b -> b.keyId(pending).pendingWindowInDays(9)).deletionDate();
        kms().createAlias(b -> b.aliasName("alias/restart/one").targetKeyId(described.keyId()));
        kms().createAlias(b -> b.aliasName("alias/restart/two").targetKeyId(described.keyId()));
        kms().createAlias(b -> b.aliasName("alias/restart/three").targetKeyId(disabled));
        kms().updateAlias(b -> b.aliasName("alias/restart/two").targetKeyId(disabled));
        kms().deleteAlias(b -> b.aliasName("alias/restart/three"));
        KeyMetadata describedBefore = describe(described.keyId());
        KeyMetadata disabledBefore = describe(disabled);
        KeyMetadata pendingBefore = describe(pending);
        List<Tag> tags = kms().listResourceTags(b -> b.keyId(described.keyId())).tags();
        var aliases = kms().listAliases(b -> b.limit(100)).aliases();

        trent.restart();

        assertThat(describe(described.keyId())).isEqualTo(describedBefore);
        assertThat(describe(described.keyId()).description()).isEqualTo("last words");
        assertThat(describe(disabled)).isEqualTo(disabledBefore);
        assertThat(describe(disabled).keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(describe(pending)).isEqualTo(pendingBefore);
        assertThat(describe(pending).keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(describe(pending).deletionDate()).isEqualTo(deletionDate);
        assertThat(kms().getKeyPolicy(b -> b.keyId(described.keyId())).policy()).isEqualTo(policy);
        assertThat(kms().listResourceTags(b -> b.keyId(described.keyId())).tags()).isEqualTo(tags)
                .containsExactlyInAnyOrder(tag("Team", "payments"), tag("Stage", "prod"));
        assertThat(kms().listAliases(b -> b.limit(100)).aliases()).isEqualTo(aliases);
        assertThat(describe("alias/restart/one").keyId()).isEqualTo(described.keyId());
        assertThat(describe("alias/restart/two").keyId()).isEqualTo(disabled);
        assertThatThrownBy(() -> describe("alias/restart/three")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms().encrypt(b -> b.keyId(disabled).plaintext(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> kms().encrypt(b -> b.keyId(pending).plaintext(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(KmsInvalidStateException.class);
    }

    @Test
    void aScheduledDeletionIsCarriedOutAfterTheRestartWhenItsDateHasPassed() {
        String dueWhileDown = kms().createKey(b -> { }).keyMetadata().keyId();
        String dueLater = kms().createKey(b -> { }).keyMetadata().keyId();
        kms().createAlias(b -> b.aliasName("alias/restart/deleted").targetKeyId(dueWhileDown));
        kms().scheduleKeyDeletion(b -> b.keyId(dueWhileDown).pendingWindowInDays(7));
        kms().scheduleKeyDeletion(b -> b.keyId(dueLater).pendingWindowInDays(30));

        trent.restartLater(Duration.ofDays(8));

        assertThatThrownBy(() -> describe(dueWhileDown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> describe("alias/restart/deleted")).isInstanceOf(NotFoundException.class);
        assertThat(describe(dueLater).keyState()).isEqualTo(KeyState.PENDING_DELETION);

        trent.clock().advance(Duration.ofDays(23));

        assertThatThrownBy(() -> describe(dueLater)).isInstanceOf(NotFoundException.class);
        assertThat(kms().listKeys(b -> b.limit(1000)).keys()).extracting(k -> k.keyId())
                .doesNotContain(dueWhileDown, dueLater);
    }

    // ---------------------------------------------------------------- rotation

    @Test
    void rotationSettingsAndRotatedMaterialSurvive() {
        String keyId = kms().createKey(b -> { }).keyMetadata().keyId();
        SdkBytes plaintext = SdkBytes.fromUtf8String("before every rotation");
        SdkBytes oldest = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        kms().enableKeyRotation(b -> b.keyId(keyId).rotationPeriodInDays(100));
        kms().rotateKeyOnDemand(b -> b.keyId(keyId));
        SdkBytes newer = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        GetKeyRotationStatusResponse status = kms().getKeyRotationStatus(b -> b.keyId(keyId));
        List<RotationsListEntry> rotations = rotations(keyId);
        KeyMetadata before = describe(keyId);
        assertThat(rotations).hasSize(2);

        trent.restart();

        assertThat(describe(keyId)).isEqualTo(before);
        GetKeyRotationStatusResponse statusAfter = kms().getKeyRotationStatus(b -> b.keyId(keyId));
        assertThat(statusAfter.keyRotationEnabled()).isTrue();
        assertThat(statusAfter.rotationPeriodInDays()).isEqualTo(status.rotationPeriodInDays()).isEqualTo(100);
        assertThat(statusAfter.nextRotationDate()).isEqualTo(status.nextRotationDate()).isNotNull();
        assertThat(statusAfter.onDemandRotationStartDate()).isEqualTo(status.onDemandRotationStartDate());
        assertThat(rotations(keyId)).isEqualTo(rotations);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(oldest)).plaintext()).isEqualTo(plaintext);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(newer)).plaintext()).isEqualTo(plaintext);

        // the automatic rotation scheduled before the restart happens when its date passes
        trent.clock().advance(Duration.ofDays(101));
        assertThat(rotations(keyId)).hasSize(3);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(oldest)).plaintext()).isEqualTo(plaintext);
    }

    private List<RotationsListEntry> rotations(String keyId) {
        return kms().listKeyRotations(b -> b.keyId(keyId).includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL))
                .rotations();
    }

    // ---------------------------------------------------------------- imported material

    @Test
    void importedMaterialSurvivesAndExpiresAfterTheRestartWhenTheClockPassesValidTo() throws Exception {
        String keyId = external("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        byte[] material = randomBytes(32);
        Instant validTo = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        ExternalMaterial.importMaterial(kms(), keyId, material, validTo);
        SdkBytes plaintext = SdkBytes.fromUtf8String("under imported material");
        SdkBytes ciphertext = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        KeyMetadata before = describe(keyId);

        trent.restart();

        assertThat(describe(keyId)).isEqualTo(before);
        assertThat(describe(keyId).validTo()).isEqualTo(validTo);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);
        byte[] after = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob().asByteArray();
        assertThat(ExternalMaterial.decryptLocally(after, material)).isEqualTo(plaintext.asByteArray());

        trent.clock().advance(Duration.ofDays(3));

        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThatThrownBy(() -> kms().decrypt(b -> b.ciphertextBlob(ciphertext)))
                .isInstanceOf(KmsInvalidStateException.class);
    }

    @Test
    void importedMaterialThatExpiredWhileTrentWasDownIsGoneAtStart() throws Exception {
        String keyId = external("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        ExternalMaterial.importMaterial(kms(), keyId, randomBytes(32), Instant.now().plus(Duration.ofDays(1)));
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.ENABLED);

        trent.restartLater(Duration.ofDays(2));

        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void everyImportedMaterialAndAPendingRotationSurvive() throws Exception {
        String keyId = external("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        byte[] first = randomBytes(32);
        byte[] second = randomBytes(32);
        ExternalMaterial.importMaterial(kms(), keyId, first, null);
        SdkBytes plaintext = SdkBytes.fromUtf8String("under the first material");
        SdkBytes underFirst = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        String secondId = ExternalMaterial.importNew(kms(), keyId, second, "second");
        List<RotationsListEntry> materials = rotations(keyId);
        assertThat(materials).hasSize(2);

        trent.restart();

        assertThat(rotations(keyId)).isEqualTo(materials);
        kms().rotateKeyOnDemand(b -> b.keyId(keyId));
        assertThat(describe(keyId).currentKeyMaterialId()).isEqualTo(secondId);
        byte[] underSecond = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob().asByteArray();
        assertThat(ExternalMaterial.decryptLocally(underSecond, second)).isEqualTo(plaintext.asByteArray());
        assertThat(ExternalMaterial.decryptLocally(underFirst.asByteArray(), first)).isEqualTo(plaintext.asByteArray());
        assertThat(kms().decrypt(b -> b.ciphertextBlob(underFirst)).plaintext()).isEqualTo(plaintext);
    }

    @Test
    void importedHmacMaterialSurvives() throws Exception {
        String keyId = external("HMAC_256", "GENERATE_VERIFY_MAC");
        byte[] material = randomBytes(32);
        ExternalMaterial.importMaterial(kms(), keyId, material, null);

        trent.restart();

        byte[] message = "mac after the restart".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(material, "HmacSHA256"));
        assertThat(kms().generateMac(b -> b.keyId(keyId).macAlgorithm("HMAC_SHA_256")
                .message(SdkBytes.fromByteArray(message))).mac().asByteArray()).isEqualTo(mac.doFinal(message));
    }

    @Test
    void anImportTokenIssuedBeforeTheRestartIsUsableAfterIt() throws Exception {
        String keyId = external("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        GetParametersForImportResponse parameters = ExternalMaterial.parameters(kms(), keyId);
        byte[] material = randomBytes(32);

        trent.restart();

        ExternalMaterial.importWith(kms(), keyId, parameters, material, null);
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.ENABLED);
        SdkBytes plaintext = SdkBytes.fromUtf8String("imported after the restart");
        byte[] ciphertext = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob().asByteArray();
        assertThat(ExternalMaterial.decryptLocally(ciphertext, material)).isEqualTo(plaintext.asByteArray());
    }

    private String external(String spec, String usage) {
        return kms().createKey(b -> b.origin(OriginType.EXTERNAL).keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    // ---------------------------------------------------------------- grants

    @Test
    void grantsSurviveAndTheirTokensWorkAfterTheRestart() {
        String keyId = kms().createKey(b -> { }).keyMetadata().keyId();
        String token = kms().createGrant(b -> b.keyId(keyId).granteePrincipal(USER).retiringPrincipal(USER)
                .name("restart").operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT")))).grantToken();
        String revoked = kms().createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DESCRIBE_KEY)).grantId();
        List<GrantListEntry> grants = kms().listGrants(b -> b.keyId(keyId)).grants();
        KmsClient partner = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION);
        String partnerKey = partner.createKey(b -> { }).keyMetadata().keyId();
        String partnerToken = partner.createGrant(b -> b.keyId(partnerKey).granteePrincipal(USER).retiringPrincipal(USER)
                .operations(GrantOperation.DECRYPT)).grantToken();
        assertThat(grants).hasSize(2);

        trent.restart();

        assertThat(kms().listGrants(b -> b.keyId(keyId)).grants()).isEqualTo(grants);
        SdkBytes ciphertext = kms().encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("granted"))
                .encryptionContext(Map.of("Department", "IT")).grantTokens(token)).ciphertextBlob();
        assertThat(kms().decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(Map.of("Department", "IT"))
                .grantTokens(token)).plaintext().asUtf8String()).isEqualTo("granted");
        kms().retireGrant(b -> b.grantToken(partnerToken));
        KmsClient partnerAfter = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION);
        assertThat(partnerAfter.listGrants(b -> b.keyId(partnerKey)).grants()).isEmpty();
        kms().revokeGrant(b -> b.keyId(keyId).grantId(revoked));
        kms().retireGrant(b -> b.grantToken(token));
        assertThat(kms().listGrants(b -> b.keyId(keyId)).grants()).isEmpty();
    }

    // ---------------------------------------------------------------- custom key stores

    @Test
    void customKeyStoresAndTheirKeysSurvive() {
        String cloudHsm = kms().createCustomKeyStore(b -> b.customKeyStoreName("restart-hsm")
                .cloudHsmClusterId("cluster-restartabcde")
                .trustAnchorCertificate("-----BEGIN CERTIFICATE-----\nMIIC...customerCA\n-----END CERTIFICATE-----")
                .keyStorePassword("kmsuser-password")).customKeyStoreId();
        kms().createCustomKeyStore(b -> b.customKeyStoreName("restart-xks")
                .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
                .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT)
                .xksProxyUriEndpoint("https://xks-restart.example.com").xksProxyUriPath("/kms/xks/v1")
                .xksProxyAuthenticationCredential(c -> c.accessKeyId("AKIARESTARTRESTARTAB")
                        .rawSecretAccessKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG+/=")));
        kms().connectCustomKeyStore(b -> b.customKeyStoreId(cloudHsm));
        trent.clock().advance(Duration.ofSeconds(2));
        assertThat(stores()).filteredOn(s -> s.customKeyStoreId().equals(cloudHsm))
                .extracting(CustomKeyStoresListEntry::connectionState).containsExactly(ConnectionStateType.CONNECTED);
        KeyMetadata key = kms().createKey(b -> b.customKeyStoreId(cloudHsm).origin(OriginType.AWS_CLOUDHSM))
                .keyMetadata();
        SdkBytes ciphertext = kms().encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("in the hsm")))
                .ciphertextBlob();
        List<CustomKeyStoresListEntry> stores = stores();
        assertThat(stores).hasSize(2);

        // the new Trent's clock starts where the old one had been moved to, not before it
        trent.restartLater(Duration.ofSeconds(3));

        assertThat(stores()).isEqualTo(stores);
        assertThat(describe(key.keyId())).isEqualTo(describe(key.keyId())).isEqualTo(key);
        assertThat(kms().decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asUtf8String()).isEqualTo("in the hsm");
    }

    private List<CustomKeyStoresListEntry> stores() {
        return kms().describeCustomKeyStores(b -> { }).customKeyStores();
    }

    // ---------------------------------------------------------------- multi-Region keys

    @Test
    void multiRegionKeysAndTheirReplicasSurvive() {
        KmsClient eu = trent.client(ACCOUNT, TrentServer.OTHER_REGION);
        String keyId = kms().createKey(b -> b.multiRegion(true).description("primary")).keyMetadata().keyId();
        kms().replicateKey(b -> b.keyId(keyId).replicaRegion(TrentServer.OTHER_REGION).description("replica"));
        SdkBytes plaintext = SdkBytes.fromUtf8String("made in the primary's region");
        SdkBytes ciphertext = kms().encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        KeyMetadata primary = describe(keyId);
        KeyMetadata replica = eu.describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(replica.keyState()).isEqualTo(KeyState.ENABLED);
        String movedId = kms().createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
        kms().replicateKey(b -> b.keyId(movedId).replicaRegion(TrentServer.OTHER_REGION));
        eu.describeKey(b -> b.keyId(movedId)); // the replica is made
        kms().updatePrimaryRegion(b -> b.keyId(movedId).primaryRegion(TrentServer.OTHER_REGION));
        KeyMetadata movedInUs = describe(movedId);
        KeyMetadata movedInEu = eu.describeKey(b -> b.keyId(movedId)).keyMetadata();
        assertThat(movedInEu.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");

        trent.restart();

        KmsClient euAfter = trent.client(ACCOUNT, TrentServer.OTHER_REGION);
        assertThat(describe(keyId)).isEqualTo(primary);
        assertThat(euAfter.describeKey(b -> b.keyId(keyId)).keyMetadata()).isEqualTo(replica);
        assertThat(euAfter.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);
        assertThat(describe(movedId)).isEqualTo(movedInUs);
        assertThat(euAfter.describeKey(b -> b.keyId(movedId)).keyMetadata()).isEqualTo(movedInEu);
    }

    // ---------------------------------------------------------------- last use

    @Test
    void theLastUseOfAKeySurvives() {
        String keyId = kms().createKey(b -> { }).keyMetadata().keyId();
        kms().encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("used")));
        GetKeyLastUsageResponse before = kms().getKeyLastUsage(b -> b.keyId(keyId));
        assertThat(before.keyLastUsage().operationAsString()).isEqualTo("Encrypt");

        trent.restart();

        GetKeyLastUsageResponse after = kms().getKeyLastUsage(b -> b.keyId(keyId));
        assertThat(after.keyLastUsage()).isEqualTo(before.keyLastUsage());
        assertThat(after.keyCreationDate()).isEqualTo(before.keyCreationDate());
    }
}
