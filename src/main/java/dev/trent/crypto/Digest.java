package dev.trent.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash functions AWS's algorithms are named for. */
public enum Digest {
    SHA_1("SHA-1", 20),
    SHA_224("SHA-224", 28),
    SHA_256("SHA-256", 32),
    SHA_384("SHA-384", 48),
    SHA_512("SHA-512", 64),
    SM3("SM3", 32);

    private final String jcaName;
    private final int length;

    Digest(String jcaName, int length) {
        this.jcaName = jcaName;
        this.length = length;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The digest's length in bytes. */
    public int length() {
        return length;
    }

    public byte[] hash(byte[] data) {
        if (this == SM3) { // not in the JDK
            SM3Digest sm3 = new SM3Digest();
            sm3.update(data, 0, data.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return out;
        }
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JVM", e);
        }
    }
}
