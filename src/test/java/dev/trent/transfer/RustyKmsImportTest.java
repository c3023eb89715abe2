package dev.trent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.support.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;

/** Rusty KMS's keys.json, loaded with --import. */
class RustyKmsImportTest {
    private static final String ROTATING = "11111111-2222-3333-4444-555555555555";
    private static final String DISABLED = "21111111-2222-3333-4444-555555555555";
    private static final String EXTERNAL = "31111111-2222-3333-4444-555555555555";
    private static final String DELETING = "41111111-2222-3333-4444-555555555555";

    @TempDir
    Path dir;

    private final byte[] old = TestBytes.randomBytes(32);
    private final byte[] current = TestBytes.randomBytes(32);

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Path keysJson(String... materials) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String material : materials) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(material).append('"');
        }
        String json = """
                [
                    {
                        "description": "Sample key",
                        "created": "2019-05-20T12:00:00Z",
                        "state": "Enabled",
                        "kind": {"InternalRotates": "2099-05-20T12:00:00Z"},
                        "arn": {
                            "region": "eu-west-2",
                            "account_id": "111122223333",
                            "key_id": "%s",
                            "arn_str": "arn:aws:kms:eu-west-2:111122223333:key/%s"
                        },
                        "tags": {"Name": "Test", "Env": "1"},
                        "aliases": ["alias/sample", "alias/other"],
                        "key_material": [%s]
                    },
                    {
                        "description": "",
                        "created": "2019-05-21T12:00:00Z",
                        "state": "Disabled",
                        "kind": "Internal",
                        "arn": {"region": "eu-west-2", "account_id": "111122223333", "key_id": "%s"},
                        "tags": {},
                        "aliases": [],
                        "key_material": ["%s"]
                    },
                    {
                        "description": "imported",
                        "created": "2019-05-21T12:00:00Z",
                        "state": "Enabled",
                        "kind": {"ExternalExpires": "2099-01-01T00:00:00Z"},
                        "arn": {"region": "eu-west-2", "account_id": "111122223333", "key_id": "%s"},
                        "tags": {},
                        "aliases": [],
                        "key_material": ["%s"]
                    },
                    {
                        "description": "going",
                        "created": "2019-05-21T12:00:00Z",
                        "state": {"PendingDeletion": "2099-01-01T00:00:00Z"},
                        "kind": "Internal",
                        "arn": {"region": "eu-west-2", "account_id": "111122223333", "key_id": "%s"},
                        "tags": {},
                        "aliases": [],
                        "key_material": ["%s"]
                    }
                ]
                """.formatted(ROTATING, ROTATING, list, DISABLED, b64(old), EXTERNAL, b64(current), DELETING, b64(old));
        Path file = dir.resolve("keys-" + materials.length + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void loadsItsKeysWithTheirMaterialStatesKindsTagsAndAliases() throws Exception {
        Path oldOnly = keysJson(b64(old));
        Path rotated = keysJson(b64(old), b64(current));
        byte[] plaintext = TestBytes.randomBytes(24);
        SdkBytes underOld;
        try (Started trent = new Started(oldOnly); KmsClient london = trent.client(Started.ACCOUNT, "eu-west-2")) {
            underOld = london.encrypt(r -> r.keyId("alias/sample").plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
        }
        try (Started trent = new Started(rotated); KmsClient london = trent.client(Started.ACCOUNT, "eu-west-2")) {
            KeyMetadata key = london.describeKey(r -> r.keyId("alias/sample")).keyMetadata();
            assertThat(key.keyId()).isEqualTo(ROTATING);
            assertThat(key.description()).isEqualTo("Sample key");
            assertThat(key.creationDate()).isEqualTo(Instant.parse("2019-05-20T12:00:00Z"));
            assertThat(london.listAliases(r -> r.keyId(ROTATING)).aliases()).extracting(AliasListEntry::aliasName)
                    .containsExactly("alias/other", "alias/sample");
            assertThat(london.listResourceTags(r -> r.keyId(ROTATING)).tags()).containsExactly(
                    Tag.builder().tagKey("Env").tagValue("1").build(), Tag.builder().tagKey("Name").tagValue("Test").build());
            assertThat(london.getKeyRotationStatus(r -> r.keyId(ROTATING)).nextRotationDate())
                    .isEqualTo(Instant.parse("2099-05-20T12:00:00Z"));
            // the earlier material still decrypts; the current one is the last
            assertThat(london.decrypt(r -> r.ciphertextBlob(underOld)).plaintext().asByteArray()).isEqualTo(plaintext);
            assertThat(london.listKeyRotations(r -> r.keyId(ROTATING)).rotations()).hasSize(1);

            assertThat(london.describeKey(r -> r.keyId(DISABLED)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
            KeyMetadata external = london.describeKey(r -> r.keyId(EXTERNAL)).keyMetadata();
            assertThat(external.origin()).isEqualTo(OriginType.EXTERNAL);
            assertThat(external.validTo()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
            KeyMetadata deleting = london.describeKey(r -> r.keyId(DELETING)).keyMetadata();
            assertThat(deleting.keyState()).isEqualTo(KeyState.PENDING_DELETION);
            assertThat(deleting.deletionDate()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));

            // the clock passing the deletion date deletes the key: its date was scheduled at load
            trent.trent.clock().advance(Duration.between(Instant.now(), Instant.parse("2099-01-02T00:00:00Z")));
            assertThat(london.listKeys().keys()).extracting(k -> k.keyId()).doesNotContain(DELETING);
        }
    }

    @Test
    void anAccountThatIsNotTwelveDigitsIsRefused() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "[{\"description\": \"Sample key\", \"created\": \"2019-05-20T12:00:00Z\", "
                + "\"state\": \"Enabled\", \"kind\": \"Internal\", \"arn\": {\"region\": \"eu-west-2\", "
                + "\"account_id\": \"0000000\", \"key_id\": \"" + ROTATING + "\"}, \"tags\": {}, "
                + "\"aliases\": [\"alias/sample\"], \"key_material\": [\"" + b64(old) + "\"]}]");
        assertThatThrownBy(() -> new Started(file).close())
                .isInstanceOf(KeyFileException.class)
                .hasMessage(file + ": entry [0] (key " + ROTATING + "): account '0000000' is not a 12-digit account id; "
                        + "nothing of the file was applied");
    }
}
