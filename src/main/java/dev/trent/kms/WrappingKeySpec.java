package dev.trent.kms;

/** AWS's WrappingKeySpec: the kind of public key that wraps key material for import. */
public enum WrappingKeySpec {
    RSA_2048,
    RSA_3072,
    RSA_4096,
    SM2
}
