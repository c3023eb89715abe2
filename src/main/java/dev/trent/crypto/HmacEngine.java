package dev.trent.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC_224, HMAC_256, HMAC_384, HMAC_512: a random key of the spec's length, HMAC in the JDK. */
final class HmacEngine implements KeyEngine {
    private final int keyBytes;

    HmacEngine(int keyBytes) {
        this.keyBytes = keyBytes;
    }

    @Override
    public GeneratedKey generate() {
        byte[] key = new byte[keyBytes];
        Randomness.SOURCE.nextBytes(key);
        return new GeneratedKey(key, null);
    }

    @Override
    public byte[] mac(byte[] key, MacAlgorithm algorithm, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " failed", e);
        }
    }
}
