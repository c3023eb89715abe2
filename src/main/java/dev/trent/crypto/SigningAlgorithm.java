package dev.trent.crypto;

/** AWS's {@code SigningAlgorithmSpec}, with the hash each one signs. */
public enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Digest.SHA_256),
    RSASSA_PSS_SHA_384(Digest.SHA_384),
    RSASSA_PSS_SHA_512(Digest.SHA_512),
    RSASSA_PKCS1_V1_5_SHA_256(Digest.SHA_256),
    RSASSA_PKCS1_V1_5_SHA_384(Digest.SHA_384),
    RSASSA_PKCS1_V1_5_SHA_512(Digest.SHA_512),
    ECDSA_SHA_256(Digest.SHA_256),
    ECDSA_SHA_384(Digest.SHA_384),
    ECDSA_SHA_512(Digest.SHA_512),
    SM2DSA(Digest.SM3),
    ML_DSA_SHAKE_256(null),
    ED25519_SHA_512(Digest.SHA_512),
    ED25519_PH_SHA_512(Digest.SHA_512);

    private final Digest digest;

    SigningAlgorithm(Digest digest) {
        this.digest = digest;
    }

    /** The hash of the message that is signed; null for ML-DSA, which hashes inside the algorithm. */
    public Digest digest() {
        return digest;
    }
}
