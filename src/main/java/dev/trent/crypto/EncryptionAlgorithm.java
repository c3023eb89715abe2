package dev.trent.crypto;

/** AWS's {@code EncryptionAlgorithmSpec}. */
public enum EncryptionAlgorithm {
    SYMMETRIC_DEFAULT,
    RSAES_OAEP_SHA_1,
    RSAES_OAEP_SHA_256,
    SM2PKE
}
