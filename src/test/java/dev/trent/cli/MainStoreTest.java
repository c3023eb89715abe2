package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Trent refuses to start on a store it cannot open as it is: a clear message, exit 1. */
class MainStoreTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new Main());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aWrongPasswordStopsStartUp() throws IOException {
        Path data = dir.resolve("data");
        Stores.open(StoreSettings.embedded(data, "the password".toCharArray())).close();
        byte[] before = Files.readAllBytes(data.resolve("trent.db"));

        int exit = run("--port", "0", "--data", data.toString(), "--password-file",
                Files.writeString(dir.resolve("password"), "not the password\n").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("Trent cannot start: Wrong password for the store in "
                + data.toAbsolutePath());
        assertThat(Files.readAllBytes(data.resolve("trent.db"))).isEqualTo(before);
    }

    @Test
    void aDataDirectoryThatIsAFileStopsStartUp() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        int exit = run("--port", "0", "--data", file.toString(), "--insecure-plaintext-store");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("Trent cannot start: The data directory " + file.toAbsolutePath()
                + " is a file");
    }
}
