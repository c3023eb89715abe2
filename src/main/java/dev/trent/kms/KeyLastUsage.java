package dev.trent.kms;

import java.time.Instant;

/**
 * The last successful cryptographic use of a key, as GetKeyLastUsage reports it.
 *
 * @param operation the AWS name of the operation, e.g. {@code Encrypt}
 * @param cloudTrailEventId Trent writes no CloudTrail; the id is one a trail would have carried
 * @param requestId the {@code x-amzn-RequestId} of the request that used the key
 */
public record KeyLastUsage(String operation, Instant timestamp, String cloudTrailEventId, String requestId) {
}
