package dev.trent.store;

import static dev.trent.store.StoreValues.SCOPE;
import static dev.trent.store.StoreValues.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.kms.KmsKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's files: refused when they are not as they should be, and never changed then. */
class SqliteStoreFilesTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private StoreSettings settings(char[] password) {
        return StoreSettings.embedded(dir, password);
    }

    private Path database() {
        return dir.resolve(SqliteStores.DATABASE);
    }

    private KmsKey storeOneKey() {
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        try (Store store = Stores.open(settings(PASSWORD))) {
            store.putKey(key);
        }
        return key;
    }

    private void assertRefusedUnchanged(StoreSettings settings, String... messageParts) throws IOException {
        byte[] before = Files.readAllBytes(database());
        var thrown = assertThatThrownBy(() -> Stores.open(settings).close()).isInstanceOf(StoreException.class);
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
        assertThat(Files.readAllBytes(database())).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFileLeftAsItIs() throws IOException {
        KmsKey key = storeOneKey();

        assertRefusedUnchanged(settings("wrong password".toCharArray()),
                "Wrong password for the store in " + dir.toAbsolutePath());

        try (Store store = Stores.open(settings(PASSWORD))) {
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        }
    }

    @Test
    void aStoreOfANewerSchemaIsRefused() throws Exception {
        storeOneKey();
        sql("UPDATE trent_meta SET value = '99' WHERE name = 'schema_version'");

        assertRefusedUnchanged(settings(PASSWORD), "schema version 99", "knows schema versions up to "
                + Schema.VERSION);
    }

    @Test
    void aFileThatIsNotAnSqliteDatabaseIsRefused() throws IOException {
        Files.createDirectories(dir);
        Files.write(database(), "this is no database, but a text file that happens to be here\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8));

        assertRefusedUnchanged(settings(PASSWORD), "is not an SQLite database");
    }

    @Test
    void aCorruptDatabaseIsRefused() throws IOException {
        try (Store store = Stores.open(settings(PASSWORD))) {
            for (int i = 0; i < 50; i++) {
                store.putKey(StoreValues.fullKey(SCOPE, StoreValues.keyId()));
            }
        }
        byte[] bytes = Files.readAllBytes(database());
        assertThat(bytes.length).isGreaterThan(5 * 4096);
        byte[] garbage = StoreValues.randomBytes(3 * 4096);
        System.arraycopy(garbage, 0, bytes, 4096, garbage.length);
        Files.write(database(), bytes);

        assertRefusedUnchanged(settings(PASSWORD), "is corrupt", database().toString());
    }

    @Test
    void anSqliteDatabaseOfSomethingElseIsRefused() throws Exception {
        Files.createDirectories(dir);
        sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)");

        assertRefusedUnchanged(settings(PASSWORD), "not a Trent store", "invoices");
    }

    @Test
    void aSealedStoreIsNotOpenedAsPlaintextNorAPlaintextOneWithAPassword() throws IOException {
        storeOneKey();
        assertRefusedUnchanged(settings(null).withPlaintext(), "seals its secrets under a password");

        Files.delete(database());
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        try (Store store = Stores.open(settings(null).withPlaintext())) {
            store.putKey(key);
        }
        assertRefusedUnchanged(settings(PASSWORD), "--insecure-plaintext-store");
        try (Store store = Stores.open(settings(null).withPlaintext())) {
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (Store store = Stores.open(settings(PASSWORD))) {
            assertThatThrownBy(() -> Stores.open(settings(PASSWORD)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another Trent");
            store.putKey(StoreValues.simpleKey(SCOPE, StoreValues.keyId()));
        }
        Stores.open(settings(PASSWORD)).close();
    }

    @Test
    void keyMaterialMovedFromOneKeyToAnotherDoesNotOpen() throws Exception {
        KmsKey victim = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        KmsKey attacker = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        try (Store store = Stores.open(settings(PASSWORD))) {
            store.putKey(victim);
            store.putKey(attacker);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode victimBody = (ObjectNode) json.readTree(body(victim.keyId()));
        ObjectNode attackerBody = (ObjectNode) json.readTree(body(attacker.keyId()));
        ((ObjectNode) attackerBody.withArray("materials").get(0))
                .set("secret", victimBody.withArray("materials").get(0).get("secret"));
        setBody(attacker.keyId(), json.writeValueAsBytes(attackerBody));

        try (Store store = Stores.open(settings(PASSWORD))) {
            assertThatThrownBy(() -> store.key(SCOPE, attacker.keyId()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not open for key material " + attacker.arn());
            assertThat(store.key(SCOPE, victim.keyId())).isPresent();
        }
    }

    @Test
    void aWholeKeyMovedToAnotherRowIsRefused() throws Exception {
        KmsKey first = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        KmsKey second = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        try (Store store = Stores.open(settings(PASSWORD))) {
            store.putKey(first);
            store.putKey(second);
        }
        setBody(second.keyId(), body(first.keyId()));

        try (Store store = Stores.open(settings(PASSWORD))) {
            assertThatThrownBy(() -> store.key(SCOPE, second.keyId()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("holds key " + first.arn());
        }
    }

    @Test
    void noSecretIsInTheDirectoryInAnyEncoding() throws IOException {
        List<byte[]> secrets = storeEverySecret(settings(PASSWORD));

        assertThat(secrets).allSatisfy(secret -> assertThat(ValueCodecTest.containsInAnyEncoding(directoryBytes(),
                secret)).as("a secret found in the data directory").isFalse());
    }

    @Test
    void aPlaintextStoreDoesHoldItsSecretsInTheClear() throws IOException {
        List<byte[]> secrets = storeEverySecret(settings(null).withPlaintext());

        assertThat(secrets).allSatisfy(secret -> assertThat(ValueCodecTest.containsInAnyEncoding(directoryBytes(),
                secret)).isTrue());
    }

    private List<byte[]> storeEverySecret(StoreSettings settings) {
        List<byte[]> secrets = new ArrayList<>();
        try (Store store = Stores.open(settings)) {
            KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
            store.putKey(key);
            key.materials().forEach(m -> secrets.add(m.secret()));
            byte[] privateKey = StoreValues.randomBytes(1190);
            store.putImportToken(StoreValues.importToken(SCOPE, key.keyId(), privateKey, T0));
            secrets.add(privateKey);
            String password = "kmsuser-" + StoreValues.hex64().substring(0, 16);
            String proxySecret = StoreValues.hex64();
            store.putCustomKeyStore(StoreValues.fullKeyStore(SCOPE, "cks-0123456789abcdef0", password, proxySecret));
            secrets.add(password.getBytes(StandardCharsets.UTF_8));
            secrets.add(proxySecret.getBytes(StandardCharsets.UTF_8));
        }
        return secrets;
    }

    private byte[] directoryBytes() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }

    @Test
    void aChangedPasswordOpensTheStoreAndTheOldOneNoLonger() throws IOException {
        KmsKey key = storeOneKey();
        char[] newPassword = "a new password".toCharArray();

        Stores.changePassword(settings(PASSWORD), newPassword);

        assertRefusedUnchanged(settings(PASSWORD), "Wrong password");
        try (Store store = Stores.open(settings(newPassword))) {
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        }
    }

    @Test
    void whatWasCommittedSurvivesAProcessThatNeverClosedTheStore() throws IOException {
        Path copy = dir.resolveSibling(dir.getFileName() + "-copy");
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        try (Store store = Stores.open(settings(PASSWORD))) {
            store.putKey(key);
            // What a kill -9 leaves: the files as they are while the store is open, its WAL not checkpointed.
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        assertThat(copy.resolve(SqliteStores.DATABASE + "-wal")).exists();

        try (Store store = Stores.open(StoreSettings.embedded(copy, PASSWORD))) {
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        }
    }

    private byte[] body(String keyId) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT body FROM trent_keys WHERE key_id = ?")) {
            statement.setString(1, keyId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private void setBody(String keyId, byte[] body) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database());
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE trent_keys SET body = ? WHERE key_id = ?")) {
            statement.setBytes(1, body);
            statement.setString(2, keyId);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database())) {
            connection.createStatement().execute(statement);
        }
    }
}
