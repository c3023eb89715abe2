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
        throw new StoreException("Durable stores are not built yet");
    }
}
