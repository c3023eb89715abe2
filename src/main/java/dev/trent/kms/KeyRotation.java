package dev.trent.kms;

import java.time.Duration;
import java.time.Instant;

/**
 * A key's rotation settings, as GetKeyRotationStatus reports them.
 *
 * @param periodInDays the automatic rotation period; null while automatic rotation was never enabled
 * @param nextRotationDate when automatic rotation next happens; null while it is disabled
 * @param onDemandStartDate when the on-demand rotation in progress started; null when none is
 *     (Trent completes on-demand rotations at once, so this stays null)
 */
public record KeyRotation(boolean enabled, Integer periodInDays, Instant nextRotationDate,
        Instant onDemandStartDate) {

    public static final KeyRotation OFF = new KeyRotation(false, null, null, null);

    static KeyRotation every(int days, Instant next) {
        return new KeyRotation(true, days, next, null);
    }

    Duration period() {
        return Duration.ofDays(periodInDays);
    }

    KeyRotation disabled() {
        return new KeyRotation(false, periodInDays, null, onDemandStartDate);
    }
}
