package dev.trent.kms;

import dev.trent.store.Store;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serializes the changes to one account and region, so that a read-modify-write of a key or an
 * alias never interleaves with another. Reads take no lock: stored values are immutable.
 */
final class ScopeLocks {
    /** The one order in which several scopes are locked, so that two such writers never deadlock. */
    private static final Comparator<Scope> ORDER = Comparator.comparing(Scope::account).thenComparing(Scope::region);

    private final Map<Scope, Object> locks = new ConcurrentHashMap<>();
    private final Store store;

    ScopeLocks(Store store) {
        this.store = store;
    }

    <T> T write(Scope scope, Supplier<T> change) {
        return locked(List.of(scope), 0, change);
    }

    void write(Scope scope, Runnable change) {
        write(scope, () -> {
            change.run();
            return null;
        });
    }

    /**
     * Serializes a change to several scopes (the related keys of a multi-Region key): their locks
     * are taken in {@link #ORDER}, never in the caller's order.
     */
    <T> T writeAll(Collection<Scope> scopes, Supplier<T> change) {
        return locked(scopes.stream().distinct().sorted(ORDER).toList(), 0, change);
    }

    /** Takes the locks from {@code index} on, then lets the store make the change one unit. */
    private <T> T locked(List<Scope> sorted, int index, Supplier<T> change) {
        if (index == sorted.size()) {
            return store.atomically(sorted, change);
        }
        synchronized (locks.computeIfAbsent(sorted.get(index), s -> new Object())) {
            return locked(sorted, index + 1, change);
        }
    }
}
