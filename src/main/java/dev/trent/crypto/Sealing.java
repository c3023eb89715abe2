package dev.trent.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM under one key. Each sealed blob is bound to a
 * context (what it is and where it belongs, e.g. a key ARN and material id) as additional data,
 * so a blob moved to another place no longer opens.
 *
 * <p>Blob: a format byte (1), a random 12-byte nonce, the ciphertext and its 16-byte tag.
 */
public final class Sealing {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String DOMAIN = "trent-sealed-v1\0";

    private final SecretKeySpec key;
    private final Randomness random;

    public Sealing(byte[] key, Randomness random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A sealing key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public byte[] seal(byte[] secret, String context) {
        byte[] nonce = random.bytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] blob = new byte[1 + NONCE_BYTES + cipher.getOutputSize(secret.length)];
            blob[0] = FORMAT;
            System.arraycopy(nonce, 0, blob, 1, NONCE_BYTES);
            cipher.doFinal(secret, 0, secret.length, blob, 1 + NONCE_BYTES);
            return blob;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The secret sealed in the blob for this context.
     *
     * @throws SealingException when the blob was sealed under another key or for another context, or was altered
     */
    public byte[] open(byte[] blob, String context) {
        if (blob.length < 1 + NONCE_BYTES + TAG_BITS / 8 || blob[0] != FORMAT) {
            throw new SealingException("not a sealed blob");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(blob, 1, 1 + NONCE_BYTES), context);
            return cipher.doFinal(blob, 1 + NONCE_BYTES, blob.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealingException("it was sealed under another key, or for another place, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((DOMAIN + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A blob that does not open. */
    public static final class SealingException extends RuntimeException {
        SealingException(String reason) {
            super(reason);
        }
    }
}
