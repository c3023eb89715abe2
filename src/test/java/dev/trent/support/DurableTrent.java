package dev.trent.support;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.kms.MutableClock;
import dev.trent.store.StoreSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A Trent in this JVM on a durable store, that a test closes and starts again on the same store,
 * as a person restarting Trent would: each {@link #restart()} builds a new Trent from the store
 * alone. Clients it hands out are closed at each restart and at {@link #close()}.
 */
public final class DurableTrent implements AutoCloseable {
    private final StoreSettings store;
    private final List<KmsClient> clients = new ArrayList<>();
    private Trent trent;
    private KmsClient kms;

    private DurableTrent(StoreSettings store) {
        this.store = store;
    }

    /** Starts a Trent on this store, with the real clock. */
    public static DurableTrent start(StoreSettings store) {
        DurableTrent durable = new DurableTrent(store);
        durable.open(Clock.systemUTC());
        return durable;
    }

    private void open(Clock clock) {
        // a copy of the password each time: a store may wipe the one it is given once it has used it
        StoreSettings settings = new StoreSettings(store.dataDir(), store.jdbcUrl(),
                store.password() == null ? null : store.password().clone(), store.plaintext());
        trent = new Trent(Config.defaults().withPort(0).withClock(clock).withStore(settings)).start();
        kms = client(TrentServer.ACCOUNT, TrentServer.REGION);
    }

    /** Closes this Trent and starts a new one on the same store, with the real clock. */
    public DurableTrent restart() {
        return restartLater(Duration.ZERO);
    }

    /**
     * Closes this Trent and starts a new one on the same store whose clock runs this much ahead of
     * the real one: as if Trent had been down that long.
     */
    public DurableTrent restartLater(Duration downtime) {
        stop();
        open(Clock.offset(Clock.systemUTC(), downtime));
        return this;
    }

    /** Closes the clients and Trent (the store flushes what it keeps back, and closes). */
    public void stop() {
        for (KmsClient client : clients) {
            client.close();
        }
        clients.clear();
        if (trent != null) {
            trent.close();
            trent = null;
        }
    }

    public Trent trent() {
        return trent;
    }

    public MutableClock clock() {
        return trent.clock();
    }

    /** The client for the test account in the test region, until the next restart. */
    public KmsClient kms() {
        return kms;
    }

    /** A client of this account and region, until the next restart. */
    public KmsClient client(String account, String region) {
        KmsClient client = KmsClients.client(trent.endpoint(), account, region);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        stop();
    }
}
