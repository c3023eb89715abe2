package dev.trent.control;

import dev.trent.api.RequestObserver;
import dev.trent.api.ServedRequest;
import dev.trent.kms.Scope;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The latest KMS requests Trent answered, up to a bound: older ones make way for new ones. */
public final class RequestLog implements RequestObserver {
    private final int capacity;
    private final Clock clock;
    /** Newest first. */
    private final Deque<LoggedRequest> entries = new ArrayDeque<>();

    public RequestLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void served(ServedRequest r) {
        if (capacity == 0) {
            return;
        }
        LoggedRequest logged = new LoggedRequest(clock.instant(), r.operation(), r.account(), r.region(),
                r.principal(), r.keyId(), r.result(), r.latencyMillis(), r.requestId());
        synchronized (entries) {
            entries.addFirst(logged);
            if (entries.size() > capacity) {
                entries.removeLast();
            }
        }
    }

    /** The requests the filter matches, newest first. */
    public List<LoggedRequest> find(RequestFilter filter) {
        List<LoggedRequest> found = new ArrayList<>();
        synchronized (entries) {
            for (LoggedRequest request : entries) {
                if (found.size() == filter.limit()) {
                    break;
                }
                if (filter.matches(request)) {
                    found.add(request);
                }
            }
        }
        return found;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** Forgets the requests of one account in one region. */
    public void clear(Scope scope) {
        synchronized (entries) {
            for (Iterator<LoggedRequest> it = entries.iterator(); it.hasNext(); ) {
                LoggedRequest request = it.next();
                if (scope.account().equals(request.account()) && scope.region().equals(request.region())) {
                    it.remove();
                }
            }
        }
    }
}
