package dev.trent.store;

import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last uses of keys not yet written: every cryptographic operation records one, and writing
 * each would put a disk write on the hot path. The store writes them in the background and on close.
 */
final class LastUsageBuffer {
    record Ref(Scope scope, String keyId) {
    }

    private final Map<Ref, KeyLastUsage> pending = new ConcurrentHashMap<>();

    /** Keeps the later of this use and the one pending for the key. */
    void put(Scope scope, String keyId, KeyLastUsage use) {
        pending.merge(new Ref(scope, keyId), use, LastUsageBuffer::later);
    }

    KeyLastUsage get(Scope scope, String keyId) {
        return pending.get(new Ref(scope, keyId));
    }

    void forget(Scope scope, String keyId) {
        pending.remove(new Ref(scope, keyId));
    }

    void forgetScope(Scope scope) {
        pending.keySet().removeIf(ref -> ref.scope().equals(scope));
    }

    void clear() {
        pending.clear();
    }

    /** What is pending now, to write. */
    Map<Ref, KeyLastUsage> snapshot() {
        return new HashMap<>(pending);
    }

    /** Forgets the uses written, but those that a later use replaced meanwhile. */
    void written(Map<Ref, KeyLastUsage> snapshot) {
        snapshot.forEach(pending::remove);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    static KeyLastUsage later(KeyLastUsage a, KeyLastUsage b) {
        if (a == null) {
            return b;
        }
        return b == null || a.timestamp().isAfter(b.timestamp()) ? a : b;
    }
}
