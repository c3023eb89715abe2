package dev.trent.kms;

/** AWS's ImportState: whether an imported key material is in KMS now. */
public enum ImportState {
    IMPORTED,
    PENDING_IMPORT
}
