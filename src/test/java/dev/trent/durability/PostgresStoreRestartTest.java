package dev.trent.durability;

import dev.trent.store.StoreSettings;
import dev.trent.support.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The restart round trip on the shared store (PostgreSQL, --store), a database per test. */
class PostgresStoreRestartTest extends RestartRoundTripContract {
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @Override
    StoreSettings newStore() {
        return StoreSettings.postgres(postgres.newDatabase(), PASSWORD);
    }
}
