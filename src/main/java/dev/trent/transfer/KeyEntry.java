package dev.trent.transfer;

import dev.trent.kms.Grant;
import dev.trent.kms.KmsKey;
import java.util.List;

/**
 * One key of a key file, read and ready to load.
 *
 * @param where the entry's place in the file, for messages: e.g. {@code keys[2]}
 * @param aliases the key's alias names, {@code alias/} included
 * @param grants the grants on the key
 */
record KeyEntry(String where, KmsKey key, List<String> aliases, List<Grant> grants) {
    KeyEntry {
        aliases = List.copyOf(aliases);
        grants = List.copyOf(grants);
    }

    KeyEntry(String where, KmsKey key, List<String> aliases) {
        this(where, key, aliases, List.of());
    }
}
