package dev.trent.control;

import dev.trent.api.CallFacts;
import dev.trent.api.CallInterceptor;
import dev.trent.api.ConnectionDrop;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults in force, applied to every KMS request before it is checked: each matching fault that
 * fires (by its rate, drawn from one seedable random sequence, so that a test that sets the seed
 * sees the same faults each run) adds its latency; the first one with an error or a closed
 * connection decides the answer.
 */
public final class Faults implements CallInterceptor {
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private Random random = new Random();

    /** Adds a fault; returns it with its id. */
    public Fault add(Fault fault) {
        Fault added = fault.withId("f" + ids.incrementAndGet());
        faults.add(added);
        return added;
    }

    /** The faults in force, in the order they were added. */
    public List<Fault> list() {
        return List.copyOf(faults);
    }

    public Optional<Fault> get(String id) {
        return faults.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Removes one fault; returns whether there was one with this id. */
    public boolean remove(String id) {
        return faults.removeIf(f -> f.id().equals(id));
    }

    public void clear() {
        faults.clear();
    }

    /** Restarts the random sequence that rates between 0 and 1 draw from. */
    public synchronized void seed(long seed) {
        random = new Random(seed);
    }

    private synchronized boolean fires(Fault fault) {
        // rates of 0 and 1 draw nothing, so that they leave a seeded sequence as it is
        return fault.rate() >= 1.0 || fault.rate() > 0.0 && random.nextDouble() < fault.rate();
    }

    @Override
    public void before(CallFacts call) {
        if (faults.isEmpty()) {
            return;
        }
        long latency = 0;
        Fault decisive = null;
        for (Fault fault : faults) {
            if (fault.matches(call) && fires(fault)) {
                latency += fault.latencyMillis();
                if (decisive == null && (fault.error() != null || fault.closeConnection())) {
                    decisive = fault;
                }
            }
        }
        if (latency > 0) {
            sleep(latency);
        }
        if (decisive != null) {
            if (decisive.error() != null) {
                throw decisive.error().exception();
            }
            throw new ConnectionDrop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { // Trent is stopping
            Thread.currentThread().interrupt();
        }
    }
}
