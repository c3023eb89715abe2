package dev.trent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.kms.Requester;
import dev.trent.kms.Scope;
import dev.trent.crypto.Randomness;
import dev.trent.store.InMemoryStore;
import dev.trent.support.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** Trent's own key file format, loaded with --import into a real Trent and used through the AWS SDK. */
class TrentFormatImportTest {
    private static final String SYMMETRIC = "11111111-2222-3333-4444-555555555555";
    private static final String HMAC = "22222222-2222-3333-4444-555555555555";
    private static final String ECC = "33333333-2222-3333-4444-555555555555";
    private static final String RSA = "44444444-2222-3333-4444-555555555555";
    private static final String OTHER = "55555555-2222-3333-4444-555555555555";

    @TempDir
    Path dir;

    private final byte[] first = TestBytes.randomBytes(32);
    private final byte[] second = TestBytes.randomBytes(32);
    private final byte[] hmacKey = TestBytes.randomBytes(32);

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                .replace("\r", "").replace("\n", "\\n") + "\\n-----END PRIVATE KEY-----\\n";
    }

    private String symmetricFile(String name, byte[]... materials) throws Exception {
        StringBuilder list = new StringBuilder();
        for (byte[] material : materials) {
            list.append(list.length() == 0 ? "" : ", ").append("{\"base64\": \"").append(b64(material)).append("\"}");
        }
        return write(name, "{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC + "\", \"materials\": [" + list + "]}]}")
                .toString();
    }

    @Test
    void loadsEveryKindOfKeyWithItsAliasesTagsDescriptionAndState() throws Exception {
        KeyPair ec = ecKeyPair();
        KeyPair rsa = rsaKeyPair();
        Path file = write("keys.json", """
                {
                  "trent": 1,
                  "keys": [
                    {"id": "%s", "description": "orders", "aliases": ["alias/orders", "alias/orders-2"],
                     "tags": {"team": "shop", "env": "dev"},
                     "rotation": {"enabled": true, "periodInDays": 180, "nextRotationDate": "2099-01-01T00:00:00Z"},
                     "materials": [{"hex": "%s"}, {"base64": "%s"}]},
                    {"id": "%s", "spec": "HMAC_256", "state": "Disabled", "tags": [{"key": "k", "value": "v"}],
                     "materials": [{"hex": "%s"}]},
                    {"id": "%s", "spec": "ECC_NIST_P256", "usage": "SIGN_VERIFY", "materials": [{"pem": "%s"}]},
                    {"id": "%s", "spec": "RSA_2048", "usage": "SIGN_VERIFY", "materials": [{"base64": "%s"}]}
                  ],
                  "accounts": [{"account": "444455556666", "regions": [{"region": "eu-west-1", "keys": [
                    {"id": "%s", "description": "elsewhere", "aliases": ["alias/orders"]}
                  ]}]}]
                }
                """.formatted(SYMMETRIC, hex(first), b64(second), HMAC, hex(hmacKey), ECC,
                pem(ec.getPrivate().getEncoded()), RSA, b64(rsa.getPrivate().getEncoded()), OTHER));

        try (Started trent = new Started(file)) {
            KmsClient kms = trent.kms;
            KeyMetadata orders = kms.describeKey(r -> r.keyId("alias/orders")).keyMetadata();
            assertThat(orders.keyId()).isEqualTo(SYMMETRIC);
            assertThat(orders.description()).isEqualTo("orders");
            assertThat(orders.keyState()).isEqualTo(KeyState.ENABLED);
            assertThat(kms.listAliases(r -> r.keyId(SYMMETRIC)).aliases()).extracting(AliasListEntry::aliasName)
                    .containsExactly("alias/orders", "alias/orders-2");
            assertThat(kms.listResourceTags(r -> r.keyId(SYMMETRIC)).tags())
                    .containsExactly(tag("env", "dev"), tag("team", "shop"));
            var rotation = kms.getKeyRotationStatus(r -> r.keyId(SYMMETRIC));
            assertThat(rotation.keyRotationEnabled()).isTrue();
            assertThat(rotation.rotationPeriodInDays()).isEqualTo(180);
            assertThat(rotation.nextRotationDate()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
            assertThat(kms.getKeyPolicy(r -> r.keyId(SYMMETRIC)).policy()).contains("arn:aws:iam::111122223333:root");

            KeyMetadata hmac = kms.describeKey(r -> r.keyId(HMAC)).keyMetadata();
            assertThat(hmac.keyState()).isEqualTo(KeyState.DISABLED);
            kms.enableKey(r -> r.keyId(HMAC));
            byte[] message = TestBytes.randomBytes(100);
            byte[] mac = kms.generateMac(r -> r.keyId(HMAC).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                    .message(SdkBytes.fromByteArray(message))).mac().asByteArray();
            Mac local = Mac.getInstance("HmacSHA256");
            local.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            assertThat(mac).isEqualTo(local.doFinal(message));

            assertThat(signature(kms, ECC, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA", ec, message)).isTrue();
            assertThat(signature(kms, RSA, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, "SHA256withRSA", rsa,
                    message)).isTrue();

            try (KmsClient other = trent.client("444455556666", "eu-west-1")) {
                KeyMetadata elsewhere = other.describeKey(r -> r.keyId("alias/orders")).keyMetadata();
                assertThat(elsewhere.keyId()).isEqualTo(OTHER);
                assertThat(elsewhere.description()).isEqualTo("elsewhere");
                byte[] plaintext = TestBytes.randomBytes(20);
                var ciphertext = other.encrypt(r -> r.keyId(OTHER).plaintext(SdkBytes.fromByteArray(plaintext)))
                        .ciphertextBlob();
                assertThat(other.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asByteArray()).isEqualTo(plaintext);
            }
        }
    }

    /** Signs with Trent and verifies with JCA and the file's own key pair. */
    private static boolean signature(KmsClient kms, String keyId, SigningAlgorithmSpec algorithm, String jca,
            KeyPair pair, byte[] message) throws Exception {
        byte[] signature = kms.sign(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(MessageType.RAW)
                .message(SdkBytes.fromByteArray(message))).signature().asByteArray();
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void symmetricMaterialIsTheFilesInEveryTrentAndEarlierVersionsStillDecrypt() throws Exception {
        Path onlyFirst = Path.of(symmetricFile("first.json", first));
        Path both = Path.of(symmetricFile("both.json", first, second));
        Path onlySecond = Path.of(symmetricFile("second.json", second));
        byte[] plaintext = TestBytes.randomBytes(40);
        SdkBytes underFirst;
        SdkBytes underSecond;
        try (Started a = new Started(onlyFirst)) {
            underFirst = a.kms.encrypt(r -> r.keyId(SYMMETRIC).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
        }
        try (Started b = new Started(both)) {
            assertThat(b.kms.decrypt(r -> r.ciphertextBlob(underFirst)).plaintext().asByteArray()).isEqualTo(plaintext);
            underSecond = b.kms.encrypt(r -> r.keyId(SYMMETRIC).plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
            assertThat(b.kms.listKeyRotations(r -> r.keyId(SYMMETRIC)).rotations()).hasSize(1);
        }
        try (Started c = new Started(onlySecond)) {
            assertThat(c.kms.decrypt(r -> r.ciphertextBlob(underSecond)).plaintext().asByteArray()).isEqualTo(plaintext);
        }
    }

    @Test
    void theExampleFileLoadsAndItsKeysWork() throws Exception {
        Path example = Path.of("examples/keys.json");
        try (Started trent = new Started(Path.of("examples/keys.json"))) {
            byte[] plaintext = TestBytes.randomBytes(16);
            var ciphertext = trent.kms.encrypt(r -> r.keyId("alias/example").plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
            assertThat(trent.kms.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asByteArray()).isEqualTo(plaintext);
            assertThat(trent.kms.listKeys().keys()).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(Files.readString(example)).contains("\"trent\": 1");
    }

    @Test
    void aKeyThatExistsIsLeftAsItIs() throws Exception {
        Path file = write("a.json", "{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC
                + "\", \"description\": \"from a\", \"aliases\": [\"alias/a\"], \"materials\": [\"" + b64(first) + "\"]}]}");
        Path changed = write("b.json", "{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC
                + "\", \"description\": \"from b\", \"aliases\": [\"alias/b\"], \"materials\": [\"" + b64(second) + "\"]},"
                + " {\"id\": \"" + OTHER + "\", \"description\": \"new in b\"}]}");
        try (Started trent = new Started(file, file, changed)) {
            KeyMetadata key = trent.kms.describeKey(r -> r.keyId(SYMMETRIC)).keyMetadata();
            assertThat(key.description()).isEqualTo("from a");
            assertThat(trent.kms.listAliases(r -> r.keyId(SYMMETRIC)).aliases()).extracting(AliasListEntry::aliasName)
                    .containsExactly("alias/a");
            assertThat(trent.kms.describeKey(r -> r.keyId(OTHER)).keyMetadata().description()).isEqualTo("new in b");
        }

        // a key changed after it was loaded keeps its change when the file is loaded again
        InMemoryStore store = new InMemoryStore();
        Kms kms = new Kms(store, new MutableClock(Clock.systemUTC()), new Randomness());
        KeyFileDefaults defaults = new KeyFileDefaults(Started.ACCOUNT, Started.REGION, Instant.now());
        KeyFiles.load(file, kms, defaults);
        Scope scope = new Scope(Started.ACCOUNT, Started.REGION);
        kms.keys().updateDescription(Requester.root(scope), SYMMETRIC, "changed since");
        var again = KeyFiles.load(file, kms, defaults);
        assertThat(again.created()).isEmpty();
        assertThat(again.existing()).hasSize(1);
        assertThat(store.key(scope, SYMMETRIC).orElseThrow().description()).isEqualTo("changed since");
    }

    @Test
    void aBadEntryAppliesNothingAndSaysWhereAndWhy() throws Exception {
        Path file = write("bad.json", "{\"trent\": 1, \"keys\": ["
                + "{\"id\": \"" + SYMMETRIC + "\", \"aliases\": [\"alias/one\"]},"
                + "{\"id\": \"" + HMAC + "\", \"spec\": \"HMAC_256\"},"
                + "{\"id\": \"" + OTHER + "\", \"materials\": [{\"hex\": \"" + hex(TestBytes.randomBytes(31)) + "\"}]}]}");

        assertThatThrownBy(() -> new Started(file).close())
                .isInstanceOf(KeyFileException.class)
                .hasMessage(file + ": entry keys[2] (key " + OTHER + "): materials[0] is not valid key material for "
                        + "KeySpec SYMMETRIC_DEFAULT (32 bytes); nothing of the file was applied");

        InMemoryStore store = new InMemoryStore();
        Kms kms = new Kms(store, new MutableClock(Clock.systemUTC()), new Randomness());
        assertThatThrownBy(() -> KeyFiles.load(file, kms, new KeyFileDefaults(Started.ACCOUNT, Started.REGION,
                Instant.now()))).isInstanceOf(KeyFileException.class);
        assertThat(store.scopes()).isEmpty();
    }

    @Test
    void anAliasOfAnotherKeyFailsTheWholeFile() throws Exception {
        Path first = write("first.json", "{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC
                + "\", \"aliases\": [\"alias/taken\"]}]}");
        Path second = write("second.json", "{\"trent\": 1, \"keys\": [{\"id\": \"" + HMAC
                + "\", \"spec\": \"HMAC_384\"}, {\"id\": \"" + OTHER + "\", \"aliases\": [\"alias/taken\"]}]}");
        InMemoryStore store = new InMemoryStore();
        Kms kms = new Kms(store, new MutableClock(Clock.systemUTC()), new Randomness());
        KeyFileDefaults defaults = new KeyFileDefaults(Started.ACCOUNT, Started.REGION, Instant.now());
        KeyFiles.load(first, kms, defaults);

        assertThatThrownBy(() -> KeyFiles.load(second, kms, defaults))
                .isInstanceOf(KeyFileException.class)
                .hasMessage(second + ": alias alias/taken in account 111122223333 region us-east-1 already names key "
                        + SYMMETRIC + "; nothing of the file was applied");
        Scope scope = new Scope(Started.ACCOUNT, Started.REGION);
        assertThat(store.key(scope, HMAC)).isEmpty();
        assertThat(store.key(scope, OTHER)).isEmpty();
    }

    @Test
    void refusalsNameTheEntryAndTheReason() throws Exception {
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"not-a-key-id\"}]}",
                "entry keys[0] (key not-a-key-id): key id 'not-a-key-id' is neither a lowercase UUID nor mrk- followed "
                        + "by 32 lowercase hex digits");
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"" + RSA + "\", \"spec\": \"RSA_2048\"}]}",
                "entry keys[0] (key " + RSA + "): usage is missing: KeySpec RSA_2048 allows [ENCRYPT_DECRYPT, SIGN_VERIFY]");
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"" + ECC + "\", \"spec\": \"ECC_NIST_P384\", "
                + "\"materials\": [{\"base64\": \"" + b64(ecKeyPair().getPrivate().getEncoded()) + "\"}]}]}",
                "entry keys[0] (key " + ECC + "): materials[0] is not valid key material for KeySpec ECC_NIST_P384 "
                        + "(a PKCS#8 private key of that type)");
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC + "\", \"materials\": [{\"id\": \""
                + "a".repeat(64) + "\"}]}]}", "entry keys[0] (key " + SYMMETRIC + "): materials[0] has no key material "
                + "(base64, hex or pem): the file was exported without --include-material; export again with it, or "
                + "leave \"materials\" out to give the key new material");
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC + "\", \"aliases\": [\"alias/aws/s3\"]}]}",
                "entry keys[0] (key " + SYMMETRIC + "): alias 'alias/aws/s3' is reserved for AWS managed keys");
        assertRefused("{\"trent\": 1, \"keys\": [{\"id\": \"" + SYMMETRIC + "\"}, {\"id\": \"" + SYMMETRIC + "\"}]}",
                "entry keys[1] (key " + SYMMETRIC + "): the key is in the file twice (also at keys[0])");
        assertRefused("{\"trent\": 2}", "the file: \"trent\" must be 1 (the format version this Trent reads), not 2");
        assertRefused("{\"something\": 1}", "the file: not a key file Trent knows: Trent's format starts "
                + "{\"trent\": 1, Rusty KMS's keys.json is a list of keys with arn and key_material, local-kms's seed "
                + "YAML has Keys:");
    }

    private void assertRefused(String content, String message) throws Exception {
        Path file = write("refused.json", content);
        assertThatThrownBy(() -> KeyFiles.read(file, new KeyFileDefaults(Started.ACCOUNT, Started.REGION, Instant.now())))
                .isInstanceOf(KeyFileException.class)
                .hasMessage(file + ": " + message + "; nothing of the file was applied");
    }

    @Test
    void aFileThatIsNotJsonSaysWhere() throws Exception {
        Path file = write("broken.json", "{\"trent\": 1,\n \"keys\": [}");
        assertThatThrownBy(() -> KeyFiles.read(file, new KeyFileDefaults(Started.ACCOUNT, Started.REGION, Instant.now())))
                .isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(file + " is not valid JSON: ")
                .hasMessageContaining("line 2");
    }
}
