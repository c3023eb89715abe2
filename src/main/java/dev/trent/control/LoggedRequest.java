package dev.trent.control;

import java.time.Instant;

/**
 * A KMS request in the request log.
 *
 * @param time when it was answered, on Trent's clock
 * @param operation null when the request named no operation Trent knows
 * @param account null (as region and principal) when the caller could not be authenticated
 * @param keyId the key's ARN when the answer names it, else the key as the request named it; null
 *     for requests on no key
 * @param result {@code ok}, the AWS error type answered, or {@code ConnectionClosed} (a fault)
 * @param latencyMillis from the whole request's arrival to its answer, faults' latency included
 */
public record LoggedRequest(Instant time, String operation, String account, String region, String principal,
        String keyId, String result, double latencyMillis, String requestId) {
    public boolean ok() {
        return "ok".equals(result);
    }
}
