package dev.trent.store;

import java.nio.file.Path;

/**
 * Where Trent keeps its state: in memory (the default), in an SQLite database in a data directory,
 * or in a PostgreSQL database shared with other Trent instances.
 *
 * @param dataDir the data directory of the embedded store; null for the others
 * @param jdbcUrl the {@code jdbc:postgresql://} URL of the shared store; null for the others
 * @param password the password the store's secrets are sealed under; null only for the memory
 *     store and for a plaintext store
 * @param plaintext whether secrets are kept unsealed ({@code --insecure-plaintext-store})
 */
public record StoreSettings(Path dataDir, String jdbcUrl, char[] password, boolean plaintext) {
    public static final StoreSettings MEMORY = new StoreSettings(null, null, null, false);

    public static StoreSettings embedded(Path dataDir, char[] password) {
        return new StoreSettings(dataDir, null, password, false);
    }

    public static StoreSettings postgres(String jdbcUrl, char[] password) {
        return new StoreSettings(null, jdbcUrl, password, false);
    }

    public boolean inMemory() {
        return dataDir == null && jdbcUrl == null;
    }

    public StoreSettings withPlaintext() {
        return new StoreSettings(dataDir, jdbcUrl, null, true);
    }
}
