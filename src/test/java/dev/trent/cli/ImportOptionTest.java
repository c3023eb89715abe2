package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --import} of a bad file: Trent does not start, says why, and exits 1. */
class ImportOptionTest {
    @TempDir
    Path dir;

    @Test
    void aBadKeyFileStopsTheStartWithItsReason() throws Exception {
        Path file = dir.resolve("seed.yaml");
        Files.writeString(file, "Keys:\n  Symmetric:\n    Aes:\n      - Metadata:\n          KeyId: not-an-id\n"
                + "        BackingKeys:\n          - " + "ab".repeat(32) + "\n");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("--port", "0", "--import", file.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Trent cannot start: " + file + ": entry Keys.Symmetric.Aes[0] (key "
                + "not-an-id): key id 'not-an-id' is neither a lowercase UUID nor mrk- followed by 32 lowercase hex "
                + "digits; nothing of the file was applied" + System.lineSeparator());
    }

    @Test
    void aMissingKeyFileToo() {
        Path file = dir.resolve("missing.json");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("--port", "0", "--import", file.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: Cannot read the key file " + file + ": ");
    }
}
