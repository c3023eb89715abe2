package dev.trent.store;

import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys decoded (and their material unsealed) once per stored revision: every write of a key gives
 * its row a new random revision, so a reader that finds the row's revision equal to the cached one
 * has the stored key without parsing or unsealing it again, whichever process wrote it. A
 * revision is never reused, so one written by a rolled-back change can never match later.
 */
final class KeyCache {
    private record Ref(Scope scope, String keyId) {
    }

    record Entry(long revision, KmsKey key) {
    }

    private final Map<Ref, Entry> entries = new ConcurrentHashMap<>();

    /** A revision for a new write: random, never 0 (which stands for "none cached"). */
    static long newRevision() {
        long revision;
        do {
            revision = ThreadLocalRandom.current().nextLong();
        } while (revision == 0);
        return revision;
    }

    /** The revision cached for the key; 0 when none is. */
    long revision(Scope scope, String keyId) {
        Entry entry = entries.get(new Ref(scope, keyId));
        return entry == null ? 0 : entry.revision();
    }

    /** The cached key when it is of this revision. */
    KmsKey get(Scope scope, String keyId, long revision) {
        Entry entry = entries.get(new Ref(scope, keyId));
        return entry != null && entry.revision() == revision ? entry.key() : null;
    }

    void put(KmsKey key, long revision) {
        entries.put(new Ref(key.scope(), key.keyId()), new Entry(revision, key));
    }

    void remove(Scope scope, String keyId) {
        entries.remove(new Ref(scope, keyId));
    }

    void removeScope(Scope scope) {
        entries.keySet().removeIf(ref -> ref.scope().equals(scope));
    }

    void clear() {
        entries.clear();
    }
}
