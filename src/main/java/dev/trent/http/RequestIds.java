package dev.trent.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids of answers ({@code x-amzn-RequestId}): random version-4 UUIDs, as AWS's. They are no
 * secret, so they come from the thread's own generator rather than {@link UUID#randomUUID()}'s
 * shared SecureRandom, whose lock every request would otherwise queue for.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
