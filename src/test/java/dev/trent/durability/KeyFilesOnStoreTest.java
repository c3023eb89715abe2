package dev.trent.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.cli.Main;
import dev.trent.store.StoreSettings;
import dev.trent.support.ExternalMaterial;
import dev.trent.support.KmsClients;
import dev.trent.support.TestBytes;
import dev.trent.transfer.KeyFileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Key files on a durable store: the same file given at every start leaves what changed since as
 * it is; a bad file leaves the store as it was; export and inspect read the store on disk.
 */
class KeyFilesOnStoreTest {
    private static final String PASSWORD = "key files on a store";

    @TempDir
    Path dir;

    private final String keyId = UUID.randomUUID().toString();
    private final byte[] material = TestBytes.randomBytes(32);

    @Test
    void theSameFileAtEveryStartLeavesWhatChangedSince() throws Exception {
        Path file = keyFile(keyEntry(keyId, material, "alias/loaded"));
        byte[] ciphertext;
        try (Trent trent = start(file); KmsClient kms = client(trent)) {
            ciphertext = kms.encrypt(b -> b.keyId("alias/loaded").plaintext(SdkBytes.fromUtf8String("kept")))
                    .ciphertextBlob().asByteArray();
            kms.updateKeyDescription(b -> b.keyId(keyId).description("changed through the API"));
            kms.disableKey(b -> b.keyId(keyId));
        }

        try (Trent trent = start(file); KmsClient kms = client(trent)) {
            var metadata = kms.describeKey(b -> b.keyId("alias/loaded")).keyMetadata();
            assertThat(metadata.keyId()).isEqualTo(keyId);
            assertThat(metadata.description()).isEqualTo("changed through the API");
            assertThat(metadata.enabled()).isFalse();
            assertThat(kms.listKeys().keys()).hasSize(1);
        }
        // the key is the file's material, as stored and as loaded again
        assertThat(new String(ExternalMaterial.decryptLocally(ciphertext, material))).isEqualTo("kept");
    }

    @Test
    void aFileWithABadEntryLeavesTheStoreAsItWas() throws Exception {
        Path file = keyFile(keyEntry(keyId, material, "alias/first") + ","
                + keyEntry(UUID.randomUUID().toString(), new byte[31], "alias/second"));

        assertThatThrownBy(() -> start(file)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("entry keys[1]").hasMessageContaining("nothing of the file was applied");

        try (Trent trent = new Trent(config()).start(); KmsClient kms = client(trent)) {
            assertThat(kms.listKeys().keys()).isEmpty();
            assertThat(kms.listAliases().aliases()).noneMatch(alias -> alias.aliasName().equals("alias/first"));
            assertThatThrownBy(() -> kms.describeKey(b -> b.keyId(keyId))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void exportAndInspectReadTheStoreOnDiskWithoutShowingMaterial() throws Exception {
        try (Trent trent = start(keyFile(keyEntry(keyId, material, "alias/listed")))) {
            assertThat(trent.port()).isPositive();
        }
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        String data = dir.resolve("data").toString();

        String withMaterial = run("export", "--data", data, "--password-file", passwordFile.toString(),
                "--include-material");
        String inspected = run("inspect", "--data", data, "--password-file", passwordFile.toString());

        assertThat(withMaterial).contains(keyId).contains(Base64.getEncoder().encodeToString(material));
        assertThat(inspected).contains(keyId).contains("alias/listed")
                .doesNotContain(HexFormat.of().formatHex(material))
                .doesNotContain(Base64.getEncoder().encodeToString(material));
    }

    private Trent start(Path file) {
        return new Trent(config().withImports(List.of(file))).start();
    }

    private Config config() {
        return Config.defaults().withPort(0)
                .withStore(StoreSettings.embedded(dir.resolve("data"), PASSWORD.toCharArray()));
    }

    private static KmsClient client(Trent trent) {
        return KmsClients.client(trent.endpoint(), Config.defaults().defaultAccount(), Config.defaults().defaultRegion());
    }

    private static String keyEntry(String id, byte[] material, String alias) {
        return "{\"id\": \"" + id + "\", \"aliases\": [\"" + alias + "\"], \"materials\": [{\"hex\": \""
                + HexFormat.of().formatHex(material) + "\"}]}";
    }

    private Path keyFile(String entries) throws Exception {
        return Files.writeString(dir.resolve("keys.json"), "{\"trent\": 1, \"keys\": [" + entries + "]}");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args)).as(err.toString()).isZero();
        return out.toString();
    }
}
