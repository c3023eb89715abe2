package dev.trent.crypto;

/** AWS's {@code MessageType}: what the Message of Sign and Verify holds. */
public enum MessageType {
    /** The message itself. */
    RAW,
    /** The message's hash, computed by the caller with the algorithm's hash function. */
    DIGEST,
    /** ML-DSA's mu (FIPS 204), computed by the caller from the public key and the message. */
    EXTERNAL_MU
}
