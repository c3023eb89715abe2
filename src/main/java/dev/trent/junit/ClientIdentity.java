package dev.trent.junit;

/**
 * Who an injected client is: the keys it signs with and the Region of its requests.
 *
 * @param sessionToken null for a long-term key
 */
record ClientIdentity(String accessKey, String secretKey, String sessionToken, String region) {
}
