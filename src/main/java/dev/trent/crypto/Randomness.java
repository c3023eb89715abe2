package dev.trent.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Every random value Trent makes: key material, nonces, ids. */
public final class Randomness {
    /** The one generator behind them all, which the key engines also draw on. */
    static final SecureRandom SOURCE = new SecureRandom();

    private final SecureRandom random = SOURCE;

    public byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    public String hex(int byteCount) {
        return HexFormat.of().formatHex(bytes(byteCount));
    }

    /**
     * A random (version 4) UUID that is no secret (a request id, a CloudTrail event id): from the
     * thread's own generator, as the shared SecureRandom behind {@link #uuid()} takes a lock and
     * reads the system's source, which every request would otherwise queue for.
     */
    public static String publicUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** A random (version 4) UUID, the form of AWS's key ids. */
    public String uuid() {
        byte[] b = bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[8 + i] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
