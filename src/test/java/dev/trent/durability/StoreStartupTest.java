package dev.trent.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.KmsClients;
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
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Starting Trent on a store from the command line, as a person would: the right password from a
 * file or from TRENT_PASSWORD opens it; a wrong password stops Trent with a clear message and a
 * non-zero exit without touching a byte of the store; --data without any password is refused.
 */
class StoreStartupTest {
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
