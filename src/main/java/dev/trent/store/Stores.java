package dev.trent.store;

/** Opens the store the settings name. */
public final class Stores {
    private Stores() {
    }

    /**
     * Opens (creating it if need be) the store: checks the password and the schema before anything
     * is changed.
     *
     * @throws StoreException when it cannot be opened as it is
     */
    public static Store open(StoreSettings settings) {
        if (settings.inMemory()) {
            return new InMemoryStore();
        }
        if (settings.dataDir() != null) {
            return SqliteStores.open(settings);
        }
        return PostgresStores.open(settings);
    }

    /**
     * Re-seals every secret of the durable store the settings name (opened with its current password)
     * under {@code newPassword}, in one transaction. Every Trent using the store must be stopped.
     *
     * @throws StoreException when the store cannot be opened, keeps its secrets in plaintext, or fails
     */
    public static void changePassword(StoreSettings settings, char[] newPassword) {
        if (settings.inMemory()) {
            throw new StoreException("The memory store has no password: give --data DIR or --store URL");
        }
        if (settings.plaintext()) {
            throw new StoreException("A store kept with --insecure-plaintext-store has no password to change");
        }
        if (newPassword == null || newPassword.length == 0) {
            throw new StoreException("The new password is empty");
        }
        try (Store store = open(settings)) {
            Resealing.run((SqlStore) store, newPassword);
        }
    }

    /** The version of this Trent, as stores record it. */
    static String trentVersion() {
        String version = Stores.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
