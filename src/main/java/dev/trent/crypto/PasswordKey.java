package dev.trent.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A 256-bit key derived from a password with Argon2id: the key a durable store seals its secrets
 * under. The salt and costs are kept with the store, so the same password gives the same key.
 *
 * @param salt 16 random bytes chosen when the store (or its password) was made
 * @param memoryKiB Argon2's memory cost in KiB
 * @param iterations Argon2's number of passes over the memory
 * @param parallelism Argon2's number of lanes
 */
public record PasswordKey(byte[] salt, int memoryKiB, int iterations, int parallelism) {
    /** What a store made by Trent costs to open: a third of a second on a laptop, 64 MiB of memory. */
    public static final int MEMORY_KIB = 64 * 1024;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 1;
    /**
     * When set to {@code true}, stores created by this JVM get Argon2's cheapest costs: for the tests,
     * which create hundreds of stores. A store keeps the costs it was created with.
     */
    public static final String WEAK_FOR_TESTS_PROPERTY = "trent.store.weakArgon2ForTests";

    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;

    public PasswordKey {
        if (salt.length < SALT_BYTES || memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024
                || iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Unusable Argon2id parameters: " + memoryKiB + " KiB, " + iterations
                    + " iterations, " + parallelism + " lanes, " + salt.length + "-byte salt");
        }
        salt = salt.clone();
    }

    /** Parameters for a new store or a new password: a fresh salt, and the costs this JVM uses. */
    public static PasswordKey fresh(Randomness random) {
        byte[] salt = random.bytes(SALT_BYTES);
        if (Boolean.getBoolean(WEAK_FOR_TESTS_PROPERTY)) {
            return new PasswordKey(salt, 8, 1, 1);
        }
        return new PasswordKey(salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The key this password gives under these parameters: costly by design. */
    public byte[] derive(char[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build());
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = new byte[encoded.remaining()];
        encoded.get(passwordBytes);
        byte[] key = new byte[KEY_BYTES];
        try {
            generator.generateBytes(passwordBytes, key);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
        return key;
    }
}
