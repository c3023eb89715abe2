package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.FakeEnclave;
import dev.trent.support.FakeEnclave.Document;
import dev.trent.support.ResponseBodies;
import dev.trent.support.SecretSearch;
import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyEncryptionMechanism;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.RecipientInfo;

/**
 * The Recipient parameter (AWS Nitro Enclaves cryptographic attestation) of Decrypt,
 * GenerateDataKey, GenerateDataKeyPair, GenerateRandom and DeriveSharedSecret. The test is the
 * enclave ({@link FakeEnclave}): it makes its own attestation documents with its own PKI and RSA
 * key, and opens each CiphertextForRecipient with BouncyCastle's CMS, independently of Trent.
 */
class RecipientTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String INVALID = "The attestation document in the Recipient parameter is not valid: ";

    private static KmsClient kms;
    private static FakeEnclave enclave;

    @BeforeAll
    static void setUp() {
        kms = trent.kms();
        enclave = new FakeEnclave();
    }

    private static RecipientInfo recipient(byte[] attestationDocument) {
        return RecipientInfo.builder()
                .keyEncryptionAlgorithm(KeyEncryptionMechanism.RSAES_OAEP_SHA_256)
                .attestationDocument(SdkBytes.fromByteArray(attestationDocument))
                .build();
    }

    private static RecipientInfo recipient() {
        return recipient(enclave.attestationDocument());
    }

    private static byte[] open(SdkBytes ciphertextForRecipient) {
        assertThat(ciphertextForRecipient).as("CiphertextForRecipient").isNotNull();
        return enclave.open(ciphertextForRecipient.asByteArray());
    }

    // --- the five operations ---

    @Test
    void decryptEnvelopesThePlaintextToTheEnclaveAndLeavesPlaintextOut() {
        String keyId = TestKeys.newKeyId(kms);
        byte[] plaintext = randomBytes(300);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(Map.of("purpose", "enclave"))).ciphertextBlob();

        DecryptResponse response = kms.decrypt(b -> b.ciphertextBlob(ciphertext)
                .encryptionContext(Map.of("purpose", "enclave")).recipient(recipient()));

        assertThat(response.plaintext()).as("Plaintext").isNull();
        assertThat(open(response.ciphertextForRecipient())).isEqualTo(plaintext);
        assertThat(response.keyId()).isEqualTo(TestKeys.keyArn(keyId));
        assertThat(response.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(response.keyMaterialId()).as("KeyMaterialId, which AWS omits with a Recipient").isNull();
    }

    @Test
    void decryptWithAnRsaKeyEnvelopesThePlaintext() {
        String keyId = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata().keyId();
        byte[] plaintext = randomBytes(100);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm("RSAES_OAEP_SHA_256")).ciphertextBlob();

        DecryptResponse response = kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(ciphertext)
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").recipient(recipient()));

        assertThat(response.plaintext()).isNull();
        assertThat(open(response.ciphertextForRecipient())).isEqualTo(plaintext);
    }

    @Test
    void generateDataKeyEnvelopesTheKeyThatTheCiphertextBlobHolds() {
        String keyId = TestKeys.newKeyId(kms);

        GenerateDataKeyResponse response = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .recipient(recipient()));

        assertThat(response.plaintext()).as("Plaintext").isNull();
        byte[] dataKey = open(response.ciphertextForRecipient());
        assertThat(dataKey).hasSize(32);
        byte[] inCiphertextBlob = kms.decrypt(b -> b.ciphertextBlob(response.ciphertextBlob())).plaintext()
                .asByteArray();
        assertThat(dataKey).isEqualTo(inCiphertextBlob);
        assertThat(response.keyId()).isEqualTo(TestKeys.keyArn(keyId));
        assertThat(response.keyMaterialId()).as("KeyMaterialId, which AWS omits with a Recipient").isNull();
    }

    @Test
    void generateDataKeyWithNumberOfBytes() {
        String keyId = TestKeys.newKeyId(kms);

        GenerateDataKeyResponse response = kms.generateDataKey(b -> b.keyId(keyId).numberOfBytes(1024)
                .recipient(recipient()));

        assertThat(open(response.ciphertextForRecipient())).hasSize(1024)
                .isEqualTo(kms.decrypt(b -> b.ciphertextBlob(response.ciphertextBlob())).plaintext().asByteArray());
    }

    @Test
    void generateDataKeyPairEnvelopesThePrivateKeyOfThePublicKey() throws Exception {
        String keyId = TestKeys.newKeyId(kms);

        GenerateDataKeyPairResponse response = kms.generateDataKeyPair(b -> b.keyId(keyId)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).recipient(recipient()));

        assertThat(response.privateKeyPlaintext()).as("PrivateKeyPlaintext").isNull();
        byte[] pkcs8 = open(response.ciphertextForRecipient());
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));
        byte[] message = randomBytes(64);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).as("the enveloped private key matches PublicKey").isTrue();
        assertThat(pkcs8).isEqualTo(kms.decrypt(b -> b.ciphertextBlob(response.privateKeyCiphertextBlob()))
                .plaintext().asByteArray());
        assertThat(response.keyPairSpecAsString()).isEqualTo("ECC_NIST_P256");
    }

    @Test
    void generateDataKeyPairWithRsa() throws Exception {
        String keyId = TestKeys.newKeyId(kms);

        GenerateDataKeyPairResponse response = kms.generateDataKeyPair(b -> b.keyId(keyId)
                .keyPairSpec(DataKeyPairSpec.RSA_2048).recipient(recipient()));

        java.security.interfaces.RSAPrivateCrtKey privateKey = (java.security.interfaces.RSAPrivateCrtKey) KeyFactory
                .getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(open(response.ciphertextForRecipient())));
        PublicKey derived = KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        assertThat(derived.getEncoded()).isEqualTo(response.publicKey().asByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 1024})
    void generateRandomEnvelopesTheBytes(int length) {
        GenerateRandomResponse response = kms.generateRandom(b -> b.numberOfBytes(length).recipient(recipient()));

        assertThat(response.plaintext()).as("Plaintext").isNull();
        assertThat(open(response.ciphertextForRecipient())).hasSize(length);
    }

    @Test
    void generateRandomBytesDifferFromCallToCall() {
        RecipientInfo recipient = recipient();
        byte[] first = open(kms.generateRandom(b -> b.numberOfBytes(32).recipient(recipient)).ciphertextForRecipient());
        byte[] second = open(kms.generateRandom(b -> b.numberOfBytes(32).recipient(recipient))
                .ciphertextForRecipient());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void deriveSharedSecretEnvelopesTheSecretThePeerComputes() throws Exception {
        String keyId = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.KEY_AGREEMENT))
                .keyMetadata().keyId();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair peer = generator.generateKeyPair();

        DeriveSharedSecretResponse response = kms.deriveSharedSecret(b -> b.keyId(keyId)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(SdkBytes.fromByteArray(peer.getPublic().getEncoded())).recipient(recipient()));

        assertThat(response.sharedSecret()).as("SharedSecret").isNull();
        PublicKey kmsPublic = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray()));
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(peer.getPrivate());
        ecdh.doPhase(kmsPublic, true);
        assertThat(open(response.ciphertextForRecipient())).isEqualTo(ecdh.generateSecret());
        assertThat(response.keyId()).isEqualTo(TestKeys.keyArn(keyId));
        assertThat(response.keyAgreementAlgorithmAsString()).isEqualTo("ECDH");
        assertThat(response.keyOriginAsString()).isEqualTo("AWS_KMS");
    }

    /** "Null or empty", AWS says; Trent leaves the fields out of the JSON, as it does every absent member. */
    @Test
    void thePlaintextFieldsAreNotOnTheWire() {
        String keyId = TestKeys.newKeyId(kms);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(randomBytes(8))))
                .ciphertextBlob();
        ResponseBodies bodies = new ResponseBodies();
        try (KmsClient recording = trent.client(TrentServer.ACCOUNT, TrentServer.REGION, bodies)) {
            RecipientInfo recipient = recipient();
            recording.decrypt(b -> b.ciphertextBlob(ciphertext).recipient(recipient));
            assertThat(bodies.last).contains("\"CiphertextForRecipient\"").doesNotContain("\"Plaintext\"")
                    .doesNotContain("KeyMaterialId");
            recording.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).recipient(recipient));
            assertThat(bodies.last).contains("\"CiphertextForRecipient\"", "\"CiphertextBlob\"")
                    .doesNotContain("\"Plaintext\"").doesNotContain("KeyMaterialId");
            recording.generateDataKeyPair(b -> b.keyId(keyId).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)
                    .recipient(recipient));
            assertThat(bodies.last).contains("\"CiphertextForRecipient\"", "\"PublicKey\"",
                    "\"PrivateKeyCiphertextBlob\"").doesNotContain("\"PrivateKeyPlaintext\"");
            recording.generateRandom(b -> b.numberOfBytes(8).recipient(recipient));
            assertThat(bodies.last).contains("\"CiphertextForRecipient\"").doesNotContain("\"Plaintext\"");
        }
    }

    @Test
    void withoutRecipientThePlaintextComesBackAsBefore() {
        GenerateRandomResponse response = kms.generateRandom(b -> b.numberOfBytes(16));
        assertThat(response.plaintext().asByteArray()).hasSize(16);
        assertThat(response.ciphertextForRecipient()).isNull();
    }

    // --- the envelope ---

    @Test
    void theEnvelopeIsLaidOutAsAwsLaysItOut() throws Exception {
        byte[] envelope = kms.generateRandom(b -> b.numberOfBytes(32).recipient(recipient())).ciphertextForRecipient()
                .asByteArray();

        CMSEnvelopedData cms = new CMSEnvelopedData(envelope);
        assertThat(cms.getContentEncryptionAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        assertThat(cms.toASN1Structure().getContentType()).isEqualTo(PKCSObjectIdentifiers.envelopedData);
        KeyTransRecipientInformation recipient = FakeEnclave.onlyRecipient(envelope);
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        assertThat(recipient.getKeyEncryptionAlgorithm()).isEqualTo(new AlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(sha256,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256),
                        RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM)));
        KeyTransRecipientId id = (KeyTransRecipientId) recipient.getRID();
        assertThat(id.getSubjectKeyIdentifier()).as("subjectKeyIdentifier").hasSize(32);
        assertThat(id.getIssuer()).as("no issuerAndSerialNumber").isNull();
    }

    /**
     * A CiphertextForRecipient of real AWS KMS for a 28-byte plaintext and an RSA-2048 enclave key
     * (Decrypt, January 2025, printed in github.com/yawn/ned's README), its random parts zeroed:
     * subjectKeyIdentifier, encrypted key, IV and encrypted content. BER with indefinite lengths for
     * ContentInfo, [0], EnvelopedData, EncryptedContentInfo and the content, which the AWS Nitro
     * Enclaves SDK's CMS parser requires.
     */
    private static final String AWS_ENVELOPE_SKELETON = "308006092a864886f70d010703a08030800201023182016b3082016702"
            + "010280200000000000000000000000000000000000000000000000000000000000000000303c06092a864886f70d010107302f"
            + "a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d0609608648016503040201050004820100"
            + "00".repeat(256) + "308006092a864886f70d010701301d060960864801650304012a0410" + "00".repeat(16) + "a0800420"
            + "00".repeat(32) + "00000000000000000000";

    @Test
    void theEnvelopeIsAwsByteForByteButForItsRandomParts() {
        byte[] envelope = kms.generateRandom(b -> b.numberOfBytes(28).recipient(recipient())).ciphertextForRecipient()
                .asByteArray();

        assertThat(envelope).hasSize(477);
        int[][] random = {{33, 65}, {131, 387}, {415, 431}, {435, 467}};
        for (int[] range : random) {
            java.util.Arrays.fill(envelope, range[0], range[1], (byte) 0);
        }
        assertThat(HexFormat.of().formatHex(envelope)).isEqualTo(AWS_ENVELOPE_SKELETON);
    }

    @Test
    void eachEnvelopeHasItsOwnContentKey() {
        RecipientInfo recipient = recipient();
        String keyId = TestKeys.newKeyId(kms);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(randomBytes(16))))
                .ciphertextBlob();
        SdkBytes first = kms.decrypt(b -> b.ciphertextBlob(ciphertext).recipient(recipient)).ciphertextForRecipient();
        SdkBytes second = kms.decrypt(b -> b.ciphertextBlob(ciphertext).recipient(recipient)).ciphertextForRecipient();
        assertThat(first).isNotEqualTo(second);
        assertThat(open(first)).isEqualTo(open(second));
    }

    // --- documents Trent takes ---

    @Test
    void aTaggedCoseSign1IsTaken() {
        Document document = enclave.document();
        document.tagged = true;
        assertThat(open(kms.generateRandom(b -> b.numberOfBytes(8).recipient(recipient(document.sign())))
                .ciphertextForRecipient())).hasSize(8);
    }

    @Test
    void withoutKeyEncryptionAlgorithmRsaesOaepSha256IsUsed() {
        GenerateRandomResponse response = kms.generateRandom(b -> b.numberOfBytes(8).recipient(r -> r
                .attestationDocument(SdkBytes.fromByteArray(enclave.attestationDocument()))));
        assertThat(open(response.ciphertextForRecipient())).hasSize(8);
    }

    @Test
    void userDataNonceAndNitroTpmPcrsAreTaken() {
        Document document = enclave.document();
        document.payload.put("user_data", randomBytes(512));
        document.payload.put("nonce", new byte[0]);
        document.payload.put("nitrotpm_pcrs", document.payload.remove("pcrs"));
        assertThat(open(kms.generateRandom(b -> b.numberOfBytes(8).recipient(recipient(document.sign())))
                .ciphertextForRecipient())).hasSize(8);
    }

    // --- refusals ---

    private static void assertRefused(byte[] attestationDocument, String reason) {
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(8)
                .recipient(recipient(attestationDocument))), INVALID + reason + ".");
    }

    private static void assertRefused(Consumer<Document> change, String reason) {
        Document document = enclave.document();
        change.accept(document);
        assertRefused(document.sign(), reason);
    }

    /**
     * Attestation documents of real Nitro enclaves (us-east-1 in July 2024, with a definite-length
     * payload map; us-east-2 in February 2026, with the indefinite-length map the NSM writes now),
     * whose cabundle starts at AWS's Nitro root; published in public repositories as test data. Their
     * structure, COSE signatures and certificate chains pass Trent's checks, long after their
     * certificates expired; only their public keys, which are not RSA keys, are refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"enclave-2024-definite-map.b64", "enclave-2026-indefinite-map.b64"})
    void documentsOfRealEnclavesPassEveryCheckButTheirNonRsaPublicKey(String file) throws Exception {
        byte[] document = realDocument(file);
        assertRefused(document, "its public_key is not a DER SubjectPublicKeyInfo of an RSA key of 2048 to 4096 bits");
        document[document.length - 1] ^= 1;
        assertRefused(document, "the COSE_Sign1 signature does not verify with the document's certificate");
    }

    private static byte[] realDocument(String file) throws java.io.IOException {
        try (java.io.InputStream in = RecipientTest.class.getResourceAsStream("/dev/trent/nitro/" + file)) {
            return java.util.Base64.getMimeDecoder().decode(in.readAllBytes());
        }
    }

    @Test
    void aDocumentThatIsNotCborIsRefused() {
        assertRefused(new byte[] {(byte) 0x84, 0x44}, "the document is not valid CBOR: CBOR array or map runs past"
                + " the end");
        byte[] document = enclave.attestationDocument();
        assertRefused(java.util.Arrays.copyOf(document, document.length - 1),
                "the document is not valid CBOR: CBOR string runs past the end");
        assertRefused("not an attestation document".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "the document is not valid CBOR: trailing bytes after the CBOR item");
    }

    @Test
    void cborThatIsNotACoseSign1IsRefused() {
        assertRefused(FakeEnclave.TestCbor.encode(List.of(new byte[0], Map.of(), new byte[0])),
                "not a COSE_Sign1 structure");
        assertRefused(FakeEnclave.TestCbor.encode(new FakeEnclave.TestCbor.Tag(98, List.of())),
                "not a COSE_Sign1 structure");
    }

    @Test
    void aBadSignatureIsRefused() {
        byte[] document = enclave.attestationDocument();
        document[document.length - 1] ^= 1; // the last byte of the signature
        assertRefused(document, "the COSE_Sign1 signature does not verify with the document's certificate");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        assertRefused(d -> d.signingKey = FakeEnclave.generateEc().getPrivate(),
                "the COSE_Sign1 signature does not verify with the document's certificate");
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() {
        byte[] document = enclave.attestationDocument();
        byte[] target = "SHA384".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(document, target);
        document[at + 5] = '5'; // "SHA385": still well-formed, no longer what was signed
        assertRefused(document, "digest is not SHA384");
        byte[] signed = enclave.attestationDocument();
        int moduleId = indexOf(signed, "module_id".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        signed[moduleId + 12] ^= 1; // a character of the module id
        assertRefused(signed, "the COSE_Sign1 signature does not verify with the document's certificate");
    }

    @Test
    void anAlgorithmOtherThanEs384IsRefused() {
        assertRefused(d -> d.protectedHeader = Map.of(1L, -7L), "the COSE_Sign1 algorithm is not ES384");
    }

    @Test
    void aCertificateOutsideTheBundlesChainIsRefused() {
        FakeEnclave.Pki other = new FakeEnclave.Pki();
        assertRefused(d -> {
            d.payload.put("certificate", other.leafCertificate());
            d.signingKey = other.leafPrivateKey();
        }, "the certificate was not issued by the last cabundle certificate");
    }

    @Test
    void aBundleThatIsNotAChainIsRefused() {
        FakeEnclave.Pki other = new FakeEnclave.Pki();
        assertRefused(d -> d.payload.put("cabundle", List.of(other.rootCertificate(),
                ((List<?>) d.payload.get("cabundle")).get(1))), "the cabundle certificates do not form a chain");
        assertRefused(d -> d.payload.put("cabundle", List.of(((List<?>) d.payload.get("cabundle")).get(1))),
                "the first cabundle certificate is not self-signed");
    }

    @Test
    void missingOrMistypedFieldsAreRefused() {
        assertRefused(d -> d.payload.remove("module_id"), "module_id is missing");
        assertRefused(d -> d.payload.put("module_id", ""), "module_id is empty");
        assertRefused(d -> d.payload.put("digest", "SHA256"), "digest is not SHA384");
        assertRefused(d -> d.payload.put("timestamp", 0L), "timestamp is not a positive integer");
        assertRefused(d -> d.payload.remove("pcrs"), "the document must have exactly one of pcrs and nitrotpm_pcrs");
        assertRefused(d -> d.payload.put("pcrs", Map.of(0L, new byte[20])), "PCR0 is not 32, 48 or 64 bytes");
        assertRefused(d -> d.payload.put("pcrs", Map.of(32L, new byte[48])),
                "a PCR index is not an integer from 0 to 31");
        assertRefused(d -> d.payload.put("cabundle", List.of()), "cabundle is not a non-empty array");
        assertRefused(d -> d.payload.put("certificate", new byte[] {1, 2, 3}),
                "certificate is not a DER X.509 certificate");
        assertRefused(d -> d.payload.put("user_data", new byte[513]),
                "user_data is not a byte string of 0 to 512 bytes");
        assertRefused(d -> d.payload.put("extra", 1L), "unknown field extra");
    }

    @Test
    void aDocumentWithoutAnRsaPublicKeyIsRefused() {
        assertRefused(d -> d.payload.put("public_key", null), "it has no public_key");
        assertRefused(d -> d.payload.remove("public_key"), "it has no public_key");
        assertRefused(d -> d.payload.put("public_key", FakeEnclave.generateEc().getPublic().getEncoded()),
                "its public_key is not a DER SubjectPublicKeyInfo of an RSA key of 2048 to 4096 bits");
    }

    @Test
    void everyDamagedDocumentGetsAValidationExceptionNeverAnInternalError() {
        byte[] document = enclave.attestationDocument();
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 150; i++) {
            byte[] damaged = document.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            assertThatValidationError(damaged);
        }
        for (int i = 0; i < 50; i++) {
            assertThatValidationError(java.util.Arrays.copyOf(document, 1 + random.nextInt(document.length - 1)));
        }
    }

    private static void assertThatValidationError(byte[] attestationDocument) {
        assertAwsError(() -> kms.generateRandom(b -> b.numberOfBytes(8).recipient(recipient(attestationDocument))),
                software.amazon.awssdk.services.kms.model.KmsException.class, "ValidationException");
    }

    @Test
    void aKeyEncryptionAlgorithmOtherThanRsaesOaepSha256IsRefused() {
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(8).recipient(r -> r
                .keyEncryptionAlgorithm("RSAES_OAEP_SHA_1")
                .attestationDocument(SdkBytes.fromByteArray(enclave.attestationDocument())))),
                "1 validation error detected: Value 'RSAES_OAEP_SHA_1' at 'recipient.keyEncryptionAlgorithm' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [RSAES_OAEP_SHA_256]");
    }

    @Test
    void aRecipientWithoutADocumentIsRefused() {
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(8).recipient(r -> r
                .keyEncryptionAlgorithm(KeyEncryptionMechanism.RSAES_OAEP_SHA_256))),
                "1 validation error detected: Value null at 'recipient.attestationDocument' failed to satisfy"
                        + " constraint: Member must not be null");
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(8).recipient(recipient(new byte[0]))),
                "1 validation error detected: Value at 'recipient.attestationDocument' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 1");
    }

    @Test
    void everyOperationChecksTheRecipient() {
        byte[] bad = enclave.attestationDocument();
        bad[bad.length - 1] ^= 1;
        RecipientInfo recipient = recipient(bad);
        String reason = INVALID + "the COSE_Sign1 signature does not verify with the document's certificate.";
        String keyId = TestKeys.newKeyId(kms);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(randomBytes(8))))
                .ciphertextBlob();
        String agreementKey = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsageType.KEY_AGREEMENT)).keyMetadata().keyId();
        byte[] peer = kms.getPublicKey(b -> b.keyId(agreementKey)).publicKey().asByteArray();

        assertValidationError(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext).recipient(recipient)), reason);
        assertValidationError(() -> kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .recipient(recipient)), reason);
        assertValidationError(() -> kms.generateDataKeyPair(b -> b.keyId(keyId).keyPairSpec(DataKeyPairSpec.RSA_2048)
                .recipient(recipient)), reason);
        assertValidationError(() -> kms.generateRandom(b -> b.numberOfBytes(8).recipient(recipient)), reason);
        assertValidationError(() -> kms.deriveSharedSecret(b -> b.keyId(agreementKey)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(SdkBytes.fromByteArray(peer))
                .recipient(recipient)), reason);
    }

    @Test
    void dryRunWithAValidRecipientWouldHaveSucceeded() {
        String keyId = TestKeys.newKeyId(kms);
        assertAwsError(() -> kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .recipient(recipient()).dryRun(true)), DryRunOperationException.class, "DryRunOperationException",
                DRY_RUN_MESSAGE);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int at = SecretSearch.indexOf(haystack, needle);
        assertThat(at).as("where the bytes are").isNotNegative();
        return at;
    }
}
