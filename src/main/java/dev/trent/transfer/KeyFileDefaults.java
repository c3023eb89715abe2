package dev.trent.transfer;

import java.time.Instant;

/**
 * What a key file's entries leave out: the account and region (Trent's --account and --region)
 * and the time, for creation dates.
 */
public record KeyFileDefaults(String account, String region, Instant now) {
}
