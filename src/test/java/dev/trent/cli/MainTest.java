package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's refusals: each a clear message and a non-zero exit, never a stack trace. */
class MainTest {
    @TempDir
    Path dir;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpExplainsEveryOption() {
        assertThat(CommandLineRun.help()).contains("--bind=ADDRESS", "--port=PORT", "--account=ACCOUNT_ID",
                "--region=REGION", "AWS_ENDPOINT_URL_KMS");
    }

    @Test
    void refusesAnAccountThatIsNotTwelveDigits() {
        assertThat(run("--account", "12345")).isEqualTo(2);
        assertThat(cli.err()).startsWith("--account must be 12 digits, not '12345'");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThat(run("--port", "65536")).isEqualTo(2);
        assertThat(cli.err()).startsWith("--port must be between 0 and 65535, not 65536");
    }

    @Test
    void saysSoWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
            assertThat(cli.err()).isEqualTo("Trent cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use" + System.lineSeparator());
        }
    }

    @Test
    void aWrongPasswordStopsStartUp() throws IOException {
        Path data = dir.resolve("data");
        Stores.open(StoreSettings.embedded(data, "the password".toCharArray())).close();
        byte[] before = Files.readAllBytes(data.resolve("trent.db"));

        int exit = run("--port", "0", "--data", data.toString(), "--password-file",
                Files.writeString(dir.resolve("password"), "not the password\n").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: Wrong password for the store in "
                + data.toAbsolutePath());
        assertThat(Files.readAllBytes(data.resolve("trent.db"))).isEqualTo(before);
    }

    @Test
    void aDataDirectoryThatIsAFileStopsStartUp() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        int exit = run("--port", "0", "--data", file.toString(), "--insecure-plaintext-store");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: The data directory " + file.toAbsolutePath()
                + " is a file");
    }
}
