package dev.trent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.support.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** local-kms's seed YAML, as its README documents it, loaded with --import. */
class LocalKmsImportTest {
    private static final String AES = "bc436485-5092-42b8-92a3-0aa8b93536dc";
    private static final String IMPORTED = "5ef77041-d1e6-4af1-9a41-e49a4b45efb6";
    private static final String PENDING = "5d05267f-bb87-4d0b-8594-295a4371d414";
    private static final String RSA = "ff275b92-0def-4dfc-b0f6-87c96b26c6c7";
    private static final String ECC = "800d5768-3fd7-4edd-a4b8-4c81c3e4c147";

    @TempDir
    Path dir;

    private final byte[] firstBacking = TestBytes.randomBytes(32);
    private final byte[] secondBacking = TestBytes.randomBytes(32);
    private final byte[] importedBacking = TestBytes.randomBytes(32);

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A PEM block indented for a YAML literal block. */
    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").indent(10);
    }

    /** The SEC 1 form ({@code EC PRIVATE KEY}) openssl writes, curve named inside. */
    private static byte[] sec1(KeyPair pair) throws Exception {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        return new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) pair.getPrivate()).getS(),
                new DERBitString(publicKey.getPublicKeyData().getBytes()), curve).getEncoded();
    }

    private Path seed(KeyPair rsa, KeyPair ec) throws Exception {
        String yaml = """
                Keys:
                  Symmetric:
                    Aes:
                      - Metadata:
                          KeyId: %s
                          Description: "Your key description"
                        NextKeyRotation: "2099-09-12T15:19:21+00:00"
                        BackingKeys:
                          - %s
                          - %s
                      - Metadata:
                          KeyId: %s
                          Origin: EXTERNAL
                        BackingKeys:
                          - %s
                      - Metadata:
                          KeyId: %s
                          Origin: EXTERNAL
                  Asymmetric:
                    Rsa:
                      - Metadata:
                          KeyId: %s
                          KeyUsage: SIGN_VERIFY
                          Description: RSA key with 2048 bits
                        PrivateKeyPem: |
                %s
                    Ecc:
                      - Metadata:
                          KeyId: %s
                          KeyUsage: SIGN_VERIFY
                          Description: ECC key with curve secp256r1
                        PrivateKeyPem: |
                %s
                Aliases:
                  - AliasName: alias/testing
                    TargetKeyId: %s
                  - AliasName: alias/signing
                    TargetKeyId: %s
                """.formatted(AES, hex(firstBacking).toUpperCase(), hex(secondBacking), IMPORTED, hex(importedBacking),
                PENDING, RSA, pem("PRIVATE KEY", rsa.getPrivate().getEncoded()).stripTrailing(), ECC,
                pem("EC PRIVATE KEY", sec1(ec)).stripTrailing(), AES, ECC);
        Path file = dir.resolve("seed.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void loadsTheReadmesKindsOfKeysAndAliases() throws Exception {
        KeyPair rsa = TrentFormatImportTest.rsaKeyPair();
        KeyPair ec = TrentFormatImportTest.ecKeyPair();
        Path seed = seed(rsa, ec);
        byte[] plaintext = TestBytes.randomBytes(30);
        try (Started trent = new Started(seed)) {
            var kms = trent.kms;
            KeyMetadata aes = kms.describeKey(r -> r.keyId("alias/testing")).keyMetadata();
            assertThat(aes.keyId()).isEqualTo(AES);
            assertThat(aes.description()).isEqualTo("Your key description");
            assertThat(aes.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + AES);
            var rotation = kms.getKeyRotationStatus(r -> r.keyId(AES));
            assertThat(rotation.keyRotationEnabled()).isTrue();
            assertThat(rotation.nextRotationDate()).isEqualTo(Instant.parse("2099-09-12T15:19:21Z"));
            assertThat(kms.listKeyRotations(r -> r.keyId(AES)).rotations()).hasSize(1);

            KeyMetadata imported = kms.describeKey(r -> r.keyId(IMPORTED)).keyMetadata();
            assertThat(imported.origin()).isEqualTo(OriginType.EXTERNAL);
            assertThat(imported.keyState()).isEqualTo(KeyState.ENABLED);
            assertThat(imported.expirationModelAsString()).isEqualTo("KEY_MATERIAL_DOES_NOT_EXPIRE");
            KeyMetadata pending = kms.describeKey(r -> r.keyId(PENDING)).keyMetadata();
            assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_IMPORT);

            KeyMetadata rsaKey = kms.describeKey(r -> r.keyId(RSA)).keyMetadata();
            assertThat(rsaKey.keySpec()).isEqualTo(KeySpec.RSA_2048);
            assertThat(rsaKey.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
            KeyMetadata eccKey = kms.describeKey(r -> r.keyId("alias/signing")).keyMetadata();
            assertThat(eccKey.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
            assertThat(kms.listAliases(r -> r.keyId(ECC)).aliases()).extracting(AliasListEntry::aliasName)
                    .containsExactly("alias/signing");

            byte[] message = TestBytes.randomBytes(64);
            assertThat(verifies(kms.sign(r -> r.keyId(RSA).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                    .messageType(MessageType.RAW).message(SdkBytes.fromByteArray(message))).signature().asByteArray(),
                    "RSASSA-PSS", rsa, message)).isTrue();
            assertThat(verifies(kms.sign(r -> r.keyId(ECC).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                    .messageType(MessageType.RAW).message(SdkBytes.fromByteArray(message))).signature().asByteArray(),
                    "SHA256withECDSA", ec, message)).isTrue();
        }

        // the AES keys' material is the file's: another Trent loading only the first backing key decrypts
        // what this file's current (second) backing key did not make, and a Trent with the same file opens both
        Path firstOnly = dir.resolve("first.yaml");
        Files.writeString(firstOnly, "Keys:\n  Symmetric:\n    Aes:\n      - Metadata:\n          KeyId: " + AES
                + "\n        BackingKeys:\n          - " + hex(firstBacking) + "\n");
        SdkBytes underFirst;
        try (Started trent = new Started(firstOnly)) {
            underFirst = trent.kms.encrypt(r -> r.keyId(AES).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
        }
        try (Started trent = new Started(seed)) {
            assertThat(trent.kms.decrypt(r -> r.ciphertextBlob(underFirst)).plaintext().asByteArray()).isEqualTo(plaintext);
        }
    }

    private static boolean verifies(byte[] signature, String algorithm, KeyPair pair, byte[] message) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            verifier.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                    java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        }
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Test
    void aBackingKeyOfTheWrongLengthIsRefusedWithItsPlace() throws Exception {
        Path seed = dir.resolve("bad.yaml");
        Files.writeString(seed, "Keys:\n  Symmetric:\n    Aes:\n      - Metadata:\n          KeyId: " + AES
                + "\n        BackingKeys:\n          - " + hex(firstBacking) + "\n      - Metadata:\n          KeyId: "
                + PENDING + "\n        BackingKeys:\n          - abcd\n");
        assertThatThrownBy(() -> new Started(seed).close())
                .isInstanceOf(KeyFileException.class)
                .hasMessage(seed + ": entry Keys.Symmetric.Aes[1] (key " + PENDING + "): BackingKeys[0] is 2 bytes, not 32 "
                        + "(256 bits); nothing of the file was applied");
    }

    @Test
    void anAliasOfNoKeyInTheFileIsRefused() throws Exception {
        Path seed = dir.resolve("alias.yaml");
        Files.writeString(seed, "Keys:\n  Symmetric:\n    Aes:\n      - Metadata:\n          KeyId: " + AES
                + "\n        BackingKeys:\n          - " + hex(firstBacking) + "\nAliases:\n  - AliasName: alias/x\n"
                + "    TargetKeyId: " + PENDING + "\n");
        assertThatThrownBy(() -> new Started(seed).close())
                .isInstanceOf(KeyFileException.class)
                .hasMessage(seed + ": entry Aliases[0]: TargetKeyId " + PENDING + " is none of the file's keys; nothing "
                        + "of the file was applied");
    }
}
