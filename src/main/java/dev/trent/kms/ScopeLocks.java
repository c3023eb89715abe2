package dev.trent.kms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serializes the changes to one account and region, so that a read-modify-write of a key or an
 * alias never interleaves with another. Reads take no lock: stored values are immutable.
 */
final class ScopeLocks {
    private final Map<Scope, Object> locks = new ConcurrentHashMap<>();

    <T> T write(Scope scope, Supplier<T> change) {
        synchronized (locks.computeIfAbsent(scope, s -> new Object())) {
            return change.get();
        }
    }

    void write(Scope scope, Runnable change) {
        write(scope, () -> {
            change.run();
            return null;
        });
    }
}
