package dev.trent.http;

import java.time.Duration;

/**
 * How long Trent waits for clients and how much work it takes on: what keeps idle or slow
 * connections and more requests than it can serve from exhausting it.
 *
 * @param idleTimeout how long a connection may wait for its next request before Trent closes it
 * @param headerTimeout how long a request's head may take to arrive, from its first byte
 * @param bodyTimeout how long a request's body may take to arrive, from the end of its head
 * @param maxPendingRequests how many requests may be in progress or waiting for a worker; beyond
 *     it, requests are answered at once with ThrottlingException
 */
public record ServerLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout,
        int maxPendingRequests) {
    /**
     * 60 s idle: the AWS SDK for Java v2 drops pooled connections after 60 s idle, and AWS's load
     * balancers close them after 60 s by default, so clients made for AWS expect no earlier close.
     * 20 s for a head or a body (Apache httpd's mod_reqtimeout starts at 20 s too): a KMS request is
     * a few KiB and arrives in milliseconds, so only stuck or hostile clients ever reach it.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(60), Duration.ofSeconds(20),
            Duration.ofSeconds(20), 256);

    public ServerLimits {
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(headerTimeout, "header timeout");
        requirePositive(bodyTimeout, "body timeout");
        if (maxPendingRequests < 1) {
            throw new IllegalArgumentException("The maximum of pending requests must be at least 1, not "
                    + maxPendingRequests);
        }
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The " + name + " must be positive, not " + timeout);
        }
    }

    public ServerLimits withIdleTimeout(Duration timeout) {
        return new ServerLimits(timeout, headerTimeout, bodyTimeout, maxPendingRequests);
    }

    public ServerLimits withHeaderTimeout(Duration timeout) {
        return new ServerLimits(idleTimeout, timeout, bodyTimeout, maxPendingRequests);
    }

    public ServerLimits withBodyTimeout(Duration timeout) {
        return new ServerLimits(idleTimeout, headerTimeout, timeout, maxPendingRequests);
    }

    public ServerLimits withMaxPendingRequests(int max) {
        return new ServerLimits(idleTimeout, headerTimeout, bodyTimeout, max);
    }
}
