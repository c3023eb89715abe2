package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.support.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trent inspect}: the store's accounts, regions and keys, never their material. */
class InspectCommandTest {
    private static final String SYMMETRIC = "11111111-2222-3333-4444-555555555555";
    private static final String HMAC = "22222222-2222-3333-4444-555555555555";

    @TempDir
    Path dir;

    private final byte[] first = TestBytes.randomBytes(32);
    private final byte[] second = TestBytes.randomBytes(32);
    private final byte[] hmacKey = TestBytes.randomBytes(64);

    private Trent started() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, """
                {"trent": 1, "keys": [
                  {"id": "%s", "description": "orders", "aliases": ["alias/orders"], "tags": {"team": "shop"},
                   "rotation": {"periodInDays": 180, "nextRotationDate": "2099-01-01T00:00:00Z"},
                   "created": "2024-02-03T04:05:06Z",
                   "materials": [{"hex": "%s"}, {"base64": "%s"}]},
                  {"id": "%s", "spec": "HMAC_512", "state": "Disabled", "account": "444455556666", "region": "eu-west-1",
                   "materials": [{"hex": "%s"}]}
                ]}
                """.formatted(SYMMETRIC, hex(first), b64(second), HMAC, hex(hmacKey)), StandardCharsets.UTF_8);
        return new Trent(Config.defaults().withPort(0).withDefaultAccount("111122223333").withImports(List.of(file)))
                .start();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aTableOfEveryKeyInEveryAccountAndRegion() throws Exception {
        try (Trent trent = started()) {
            String table = CliAccess.inspect(trent.store());
            List<String> lines = table.lines().toList();
            assertThat(lines.get(0)).startsWith("ACCOUNT       REGION     KEY ID").contains("SPEC", "USAGE", "STATE",
                    "ALIASES", "TAGS", "ROTATION", "MATERIALS", "CREATED");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("111122223333  us-east-1  " + SYMMETRIC)
                    .contains("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "Enabled", "alias/orders", "team=shop",
                            "every 180d, next 2099-01-01T00:00:00Z", "2 (current ", "2024-02-03T04:05:06Z"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("444455556666  eu-west-1  " + HMAC)
                    .contains("HMAC_512", "GENERATE_VERIFY_MAC", "Disabled", "off", "1 (current "));
            assertThat(lines.get(lines.size() - 1)).isEqualTo("2 key(s) in 2 account(s), 2 account region(s)");
            assertNoMaterialIn(table);
        }
    }

    @Test
    void jsonForScripts() throws Exception {
        try (Trent trent = started()) {
            String json = CliAccess.inspect(trent.store(), "--json");
            JsonNode root = new ObjectMapper().readTree(json);
            assertThat(root.get("material").booleanValue()).isFalse();
            JsonNode key = root.get("accounts").get(0).get("regions").get(0).get("keys").get(0);
            assertThat(key.get("id").asText()).isEqualTo(SYMMETRIC);
            assertThat(key.get("aliases").get(0).asText()).isEqualTo("alias/orders");
            assertThat(key.get("tags").get("team").asText()).isEqualTo("shop");
            assertThat(key.get("rotation").get("periodInDays").intValue()).isEqualTo(180);
            assertThat(key.get("materials")).hasSize(2);
            assertThat(key.get("materials").get(0).get("state").asText()).isEqualTo("NON_CURRENT");
            assertThat(key.get("materials").get(1).get("state").asText()).isEqualTo("CURRENT");
            assertThat(key.get("materials").get(1).get("rotation").get("type").asText()).isEqualTo("AUTOMATIC");
            assertThat(root.get("accounts").get(1).get("account").asText()).isEqualTo("444455556666");
            assertNoMaterialIn(json);
        }
    }

    @Test
    void exportWithoutMaterialHasNone() throws Exception {
        try (Trent trent = started()) {
            Path out = dir.resolve("out.json");
            assertThat(CliAccess.export(trent.store(), "--output", out.toString())).isZero();
            assertNoMaterialIn(Files.readString(out));
            Path with = dir.resolve("with.json");
            assertThat(CliAccess.export(trent.store(), "--include-material", "--output", with.toString())).isZero();
            assertThat(Files.readString(with)).contains(b64(first), b64(second), b64(hmacKey));
        }
    }

    private void assertNoMaterialIn(String output) {
        for (byte[] material : List.of(first, second, hmacKey)) {
            assertThat(output).doesNotContain(hex(material)).doesNotContain(hex(material).toUpperCase())
                    .doesNotContain(b64(material)).doesNotContain(Base64.getUrlEncoder().encodeToString(material))
                    .doesNotContain(new String(material, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void bothRefuseTheMemoryStoreWhichIsAlwaysEmpty() {
        for (String subcommand : List.of("export", "inspect")) {
            CommandLineRun cli = new CommandLineRun();
            assertThat(cli.run(subcommand)).isEqualTo(2);
            assertThat(cli.err()).startsWith(subcommand + " reads a store: give --data DIR or --store JDBC_URL");
        }
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(CommandLineRun.help()).contains("export", "inspect", "--import=FILE");
    }
}
