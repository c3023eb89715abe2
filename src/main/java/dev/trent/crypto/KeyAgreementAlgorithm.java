package dev.trent.crypto;

/** AWS's {@code KeyAgreementAlgorithmSpec}. */
public enum KeyAgreementAlgorithm {
    ECDH
}
