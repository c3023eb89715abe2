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

    /** The version of this Trent, as stores record it. */
    static String trentVersion() {
        String version = Stores.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
