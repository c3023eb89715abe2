package dev.trent.kms;

/** What a key is for: AWS's {@code KeyUsageType}. */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT,
    ENCAPSULATE_DECAPSULATE
}
