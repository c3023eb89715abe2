package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.kms.KeyManager;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyState;
import dev.trent.kms.KeyUsage;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Origin;
import dev.trent.kms.Scope;
import dev.trent.store.Store;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangePasswordCommandTest {
    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final CommandLineRun cli = new CommandLineRun(environment);

    private int run(String... args) {
        return cli.run(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void reSealsTheStoreUnderTheNewPassword() throws IOException {
        Path data = dir.resolve("data");
        byte[] secret = new byte[32];
        secret[0] = 42;
        KmsKey key = new KmsKey(SCOPE, "1234abcd-12ab-34cd-56ef-1234567890ab", Instant.parse("2026-01-01T00:00:00Z"),
                "", KeyState.ENABLED, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS,
                KeyManager.CUSTOMER, null, null, "{}", List.of(),
                List.of(KeyMaterial.generated("ab".repeat(32), secret, null, Instant.parse("2026-01-01T00:00:00Z"))),
                null, KeyRotation.OFF, null, null);
        try (Store store = Stores.open(StoreSettings.embedded(data, "old password".toCharArray()))) {
            store.putKey(key);
        }
        environment.put("TRENT_PASSWORD", "old password");

        int exit = run("change-password", "--data", data.toString(), "--new-password-file",
                file("new.txt", "new password\nsecond line ignored\n").toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("sealed under the new password");
        assertThatThrownBy(() -> Stores.open(StoreSettings.embedded(data, "old password".toCharArray())))
                .isInstanceOf(StoreException.class).hasMessageContaining("Wrong password");
        try (Store store = Stores.open(StoreSettings.embedded(data, "new password".toCharArray()))) {
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow().materials().get(0).secret()).isEqualTo(secret);
        }
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws IOException {
        Path data = dir.resolve("data");
        Stores.open(StoreSettings.embedded(data, "old password".toCharArray())).close();
        environment.put("TRENT_NEW_PASSWORD", "new password");

        int exit = run("change-password", "--data", data.toString(), "--password-file",
                file("old.txt", "not the password").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).startsWith("Cannot change the password: Wrong password for the store in ");
        Stores.open(StoreSettings.embedded(data, "old password".toCharArray())).close();
    }

    @Test
    void needsANewPassword() throws IOException {
        environment.put("TRENT_PASSWORD", "old password");

        assertThat(run("change-password", "--data", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith(
                "Give the new password with --new-password-file FILE or TRENT_NEW_PASSWORD");
    }

    @Test
    void needsAStore() {
        environment.put("TRENT_NEW_PASSWORD", "new password");

        assertThat(run("change-password")).isEqualTo(2);
        assertThat(cli.err()).startsWith("change-password needs a store");
    }
}
