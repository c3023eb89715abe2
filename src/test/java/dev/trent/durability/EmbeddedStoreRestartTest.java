package dev.trent.durability;

import dev.trent.store.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The restart round trip on the embedded store (SQLite in a data directory, --data). */
class EmbeddedStoreRestartTest extends RestartRoundTripContract {
    @TempDir
    Path data;

    @Override
    StoreSettings newStore() {
        return StoreSettings.embedded(data, PASSWORD);
    }
}
