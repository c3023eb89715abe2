package dev.trent.kms;

import dev.trent.store.InMemoryStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Changes to several scopes at once, as multi-Region keys make them. */
class ScopeLocksTest {
    private static final Scope US = new Scope("111122223333", "us-east-1");
    private static final Scope EU = new Scope("111122223333", "eu-west-1");
    private static final Scope AP = new Scope("111122223333", "ap-southeast-2");

    private final ScopeLocks locks = new ScopeLocks(new InMemoryStore());
    private int counter;

    @Test
    void writersNamingTheSameScopesInOppositeOrdersNeitherDeadlockNorInterleave() throws Exception {
        List<List<Scope>> orders = List.of(List.of(US, EU, AP), List.of(AP, EU, US), List.of(EU, US), List.of(AP, US));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int rounds = 2_000;
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                List<Scope> order = orders.get(thread % orders.size());
                work.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        // US is in every order, so every change here is serialized with every other.
                        locks.writeAll(order, () -> counter = counter + 1);
                        locks.write(order.get(0), () -> { });
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS); // a deadlock would never finish
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counter).isEqualTo(8 * rounds);
    }

    @Test
    void aScopeNamedTwiceIsLockedOnce() {
        assertThat(locks.writeAll(List.of(US, US, EU), () -> "done")).isEqualTo("done");
    }
}
