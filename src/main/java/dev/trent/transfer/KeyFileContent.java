package dev.trent.transfer;

import dev.trent.kms.CustomKeyStore;
import java.util.List;

/** What a key file holds, read: its keys, and the custom key stores they live in. */
record KeyFileContent(List<KeyEntry> keys, List<KeyStoreEntry> keyStores) {
    KeyFileContent {
        keys = List.copyOf(keys);
        keyStores = List.copyOf(keyStores);
    }

    static KeyFileContent of(List<KeyEntry> keys) {
        return new KeyFileContent(keys, List.of());
    }

    /** A custom key store of the file, with its place for messages. */
    record KeyStoreEntry(String where, CustomKeyStore keyStore) {
    }
}
