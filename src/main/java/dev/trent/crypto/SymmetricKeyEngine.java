package dev.trent.crypto;

/** SYMMETRIC_DEFAULT keys: 256 random bits; their ciphertexts are {@link SymmetricCipher}'s. */
final class SymmetricKeyEngine implements KeyEngine {
    static final int KEY_BYTES = 32;

    @Override
    public GeneratedKey generate() {
        byte[] key = new byte[KEY_BYTES];
        Randomness.SOURCE.nextBytes(key);
        return new GeneratedKey(key, null);
    }
}
