package dev.trent.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends DurableStoreContractTest {
    @TempDir
    Path dir;

    @Override
    StoreSettings settings() {
        return StoreSettings.embedded(dir.resolve("data"), "correct horse battery staple".toCharArray());
    }

    @Override
    Store open() {
        return Stores.open(settings());
    }
}
