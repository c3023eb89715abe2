package dev.trent.support;

import java.security.SecureRandom;

/** Random test inputs: plaintexts, messages, key material. */
public final class TestBytes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestBytes() {
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
