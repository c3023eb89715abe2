package dev.trent.kms;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Keys with something due at a date (a deletion, a rotation, an expiry), soonest first, so that each request
 * finds what the clock has made due by looking at the head of a queue. An entry is a reminder
 * only: whoever polls it checks the key itself, which may have changed since.
 */
final class KeySchedule {
    record Entry(Instant date, Scope scope, String keyId) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::date)
            .thenComparing(e -> e.scope().account())
            .thenComparing(e -> e.scope().region())
            .thenComparing(Entry::keyId);

    private final NavigableSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);

    void add(Instant date, KmsKey key) {
        entries.add(new Entry(date, key.scope(), key.keyId()));
    }

    void remove(Instant date, KmsKey key) {
        entries.remove(new Entry(date, key.scope(), key.keyId()));
    }

    /** Takes the next entry whose date is not after {@code now}, if there is one. */
    Optional<Entry> pollDue(Instant now) {
        while (true) {
            Iterator<Entry> soonest = entries.iterator();
            if (!soonest.hasNext()) {
                return Optional.empty();
            }
            Entry first = soonest.next();
            if (first.date().isAfter(now)) {
                return Optional.empty();
            }
            if (entries.remove(first)) {
                return Optional.of(first);
            }
        }
    }
}
