package dev.trent.api;

/**
 * Where a request came from, for the policy keys that test it.
 *
 * @param sourceIp the client's address (aws:SourceIp); null when unknown
 * @param secure whether the request came over TLS (aws:SecureTransport)
 */
public record Connection(String sourceIp, boolean secure) {
    public static final Connection UNKNOWN = new Connection(null, false);
}
