package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --credentials} of a bad file: Trent does not start, says why, and exits 1. */
class CredentialsOptionTest {
    @TempDir
    Path dir;

    @Test
    void aBadCredentialsFileStopsTheStartWithItsReason() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.json"),
                "[{\"access_key\":\"AKIDEXAMPLE\",\"account_id\":\"111122223333\"}]");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("--port", "0", "--credentials", file.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Trent cannot start: credentials file " + file
                + ", entry 0: secret_key is missing" + System.lineSeparator());
    }

    @Test
    void aMissingCredentialsFileToo() {
        Path file = dir.resolve("missing.json");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("--port", "0", "--credentials", file.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: cannot read credentials file " + file + ": ");
    }
}
