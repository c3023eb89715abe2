package dev.trent.kms;

import java.time.Instant;

/**
 * A key's rotation settings, as GetKeyRotationStatus reports them.
 *
 * @param periodInDays the automatic rotation period; null while automatic rotation was never enabled
 * @param nextRotationDate when automatic rotation next happens; null while it is disabled
 * @param onDemandStartDate when the on-demand rotation in progress started; null when none is
 */
public record KeyRotation(boolean enabled, Integer periodInDays, Instant nextRotationDate,
        Instant onDemandStartDate) {

    public static final KeyRotation OFF = new KeyRotation(false, null, null, null);
}
