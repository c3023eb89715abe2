package dev.trent.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.store.StoreSettings;
import dev.trent.support.DurableTrent;
import dev.trent.support.KmsClients;
import dev.trent.support.PostgresServer;
import dev.trent.support.TrentProcess;
import dev.trent.support.TrentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * Starting Trent on a store from the command line, as a person would: the right password from a
 * file or from TRENT_PASSWORD opens it; a wrong password stops Trent with a clear message and a
 * non-zero exit without touching a byte of the store (files or rows); --data or --store without any
 * password is refused; a second Trent on a data directory in use is refused.
 */
class StoreStartupTest {
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void aWrongPasswordStopsStartUpAndLeavesTheStoreAsItWas() throws Exception {
        Path data = dir.resolve("data");
        Path right = password("the right password");
        Path wrong = password("the wrong password");
        String keyId;
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                "--password-file", TrentProcess.arg(right));
                KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            keyId = kms.createKey(b -> b.description("made with the right password")).keyMetadata().keyId();
        } // stopped as Ctrl-C stops it
        Map<String, String> before = hashes(data);
        assertThat(before).isNotEmpty();

        TrentProcess.Exit refused = TrentProcess.run(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                "--password-file", TrentProcess.arg(wrong));
        TrentProcess.Exit refusedFromEnvironment = TrentProcess.run(Map.of("TRENT_PASSWORD", "also wrong"),
                "--port", "0", "--data", TrentProcess.arg(data));

        for (TrentProcess.Exit exit : new TrentProcess.Exit[] {refused, refusedFromEnvironment}) {
            assertThat(exit.code()).as(exit.toString()).isNotZero();
            assertThat(exit.stderr()).as(exit.toString()).contains("Trent cannot start").containsIgnoringCase("password");
            assertThat(exit.stdout()).as(exit.toString()).doesNotContain("Trent listening");
        }
        assertThat(hashes(data)).as("the data directory's files and their bytes").isEqualTo(before);

        try (TrentProcess trent = TrentProcess.start(Map.of("TRENT_PASSWORD", "the right password"), "--port", "0",
                "--data", TrentProcess.arg(data));
                KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().description())
                    .isEqualTo("made with the right password");
        }
    }

    @Test
    void dataWithoutAPasswordIsRefused() {
        Path data = dir.resolve("data");

        TrentProcess.Exit exit = TrentProcess.run(Map.of(), "--port", "0", "--data", TrentProcess.arg(data));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.stderr()).contains("--password-file").contains("TRENT_PASSWORD");
        assertThat(data).as("nothing made").doesNotExist();
    }

    @Test
    void anEmptyPasswordIsRefused() throws Exception {
        Path data = dir.resolve("data");

        TrentProcess.Exit exit = TrentProcess.run(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                "--password-file", TrentProcess.arg(password("")));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.stderr()).contains("password is empty");
        assertThat(data).as("nothing made").doesNotExist();
    }

    @Test
    void aWrongPasswordStopsStartUpOnPostgresAndChangesNoRow() throws Exception {
        String url = postgres.newDatabase();
        String keyId;
        try (DurableTrent trent = DurableTrent.start(StoreSettings.postgres(url, "the right password".toCharArray()))) {
            keyId = trent.kms().createKey(b -> b.description("made with the right password")).keyMetadata().keyId();
        }
        byte[] before = PostgresServer.dump(url);

        TrentProcess.Exit refused = TrentProcess.run(Map.of(), "--port", "0", "--store", url,
                "--password-file", TrentProcess.arg(password("the wrong password")));

        assertThat(refused.code()).as(refused.toString()).isNotZero();
        assertThat(refused.stderr()).as(refused.toString()).contains("Trent cannot start").containsIgnoringCase("password");
        assertThat(PostgresServer.dump(url)).as("every row of every table").isEqualTo(before);
        try (DurableTrent trent = DurableTrent.start(StoreSettings.postgres(url, "the right password".toCharArray()))) {
            assertThat(trent.kms().describeKey(b -> b.keyId(keyId)).keyMetadata().description())
                    .isEqualTo("made with the right password");
        }
    }

    @Test
    void storeWithoutAPasswordIsRefused() {
        TrentProcess.Exit exit = TrentProcess.run(Map.of(), "--port", "0", "--store",
                "jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(exit.code()).isNotZero();
        assertThat(exit.stderr()).contains("--store").contains("--password-file").contains("TRENT_PASSWORD");
    }

    @Test
    void aSecondTrentOnTheSameDataDirectoryIsRefused() throws Exception {
        Path data = dir.resolve("data");
        Path right = password("the password");
        try (TrentProcess first = TrentProcess.start(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                "--password-file", TrentProcess.arg(right));
                KmsClient kms = KmsClients.client(first.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            String keyId = kms.createKey(b -> { }).keyMetadata().keyId();

            TrentProcess.Exit second = TrentProcess.run(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                    "--password-file", TrentProcess.arg(right));

            assertThat(second.code()).as(second.toString()).isNotZero();
            assertThat(second.stderr()).as(second.toString()).contains("Trent cannot start").contains("in use");
            assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        }
    }

    private Path password(String password) throws IOException {
        Path file = Files.createTempFile(dir, "password", ".txt");
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Each file under the directory (relative path) with the SHA-256 of its bytes. */
    private static Map<String, String> hashes(Path directory) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(directory.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }
}
