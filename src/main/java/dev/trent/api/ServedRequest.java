package dev.trent.api;

/**
 * One KMS request as answered, for the request log.
 *
 * @param operation null when the request named no operation Trent knows
 * @param account null (as region and principal) when the caller was not authenticated
 * @param keyId the key's ARN when the answer names it, else the key as the request named it; null
 *     for requests on no key
 * @param result {@code ok}, or the AWS error type answered, or {@link #CONNECTION_CLOSED}
 */
public record ServedRequest(String operation, String account, String region, String principal, String keyId,
        String result, double latencyMillis, String requestId) {
    public static final String OK = "ok";
    /** The result of a request whose connection a fault closed. */
    public static final String CONNECTION_CLOSED = "ConnectionClosed";
}
