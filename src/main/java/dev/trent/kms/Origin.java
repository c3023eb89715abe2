package dev.trent.kms;

/** Where a key's material comes from: AWS's {@code OriginType}. */
public enum Origin {
    AWS_KMS,
    EXTERNAL,
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE
}
