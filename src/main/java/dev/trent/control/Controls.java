package dev.trent.control;

import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.kms.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a test controls in a running Trent: state (reset), time, faults and the request log. The
 * Java methods of {@code Trent} and the HTTP endpoints under {@code /_trent/} both call these.
 */
public final class Controls {
    private final MutableClock clock;
    private final Supplier<Kms> kms;
    private final Faults faults;
    private final RequestLog requests;
    private final Consumer<Predicate<Scope>> keyFiles;

    /**
     * @param kms the domain, waited for when Trent is still being built
     * @param keyFiles loads the start-up key files again, the keys of the scopes accepted
     */
    public Controls(MutableClock clock, Supplier<Kms> kms, Faults faults, RequestLog requests,
            Consumer<Predicate<Scope>> keyFiles) {
        this.clock = clock;
        this.kms = kms;
        this.faults = faults;
        this.requests = requests;
        this.keyFiles = keyFiles;
    }

    /**
     * Back to the state Trent started in: every account and region emptied (keys, aliases, grants,
     * tags, policies, custom key stores, import tokens), the start-up key files loaded again, the
     * clock back to real time, no faults, an empty request log.
     */
    public void reset() {
        faults.clear();
        kms.get().resets().all();
        clock.reset();
        requests.clear();
        keyFiles.accept(scope -> true);
    }

    /**
     * One account in one region back to its start-up state: emptied, then its keys of the start-up
     * key files loaded again; its requests leave the log. The clock and the faults stay as they are.
     */
    public void reset(Scope scope) {
        kms.get().resets().scope(scope);
        requests.clear(scope);
        keyFiles.accept(scope::equals);
    }

    public MutableClock clock() {
        return clock;
    }

    /** Moves the clock and carries out at once what it made due (deletions, rotations, expiries). */
    public Instant advanceClock(Duration by) {
        clock.advance(by);
        kms.get().catchUp();
        return clock.instant();
    }

    /** Sets the clock (later or earlier) and carries out at once what it made due. */
    public Instant setClock(Instant now) {
        clock.set(now);
        kms.get().catchUp();
        return clock.instant();
    }

    public Faults faults() {
        return faults;
    }

    public List<LoggedRequest> requests(RequestFilter filter) {
        return requests.find(filter);
    }
}
