package dev.trent.kms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time, shifted by an offset that tests (and the control API) move:
 * scheduled deletions happen when it passes their date, with no sleeping.
 */
public final class MutableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MutableClock() {
        this(Clock.systemUTC());
    }

    public MutableClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Back to real time (the base clock's). */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far this clock is from real time (the base clock's). */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // KMS dates are instants: a zone changes nothing here
    }
}
