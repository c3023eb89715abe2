package dev.trent.kms;

/** AWS's KeyMaterialState: a key material's place in its key's rotations. */
public enum KeyMaterialState {
    CURRENT,
    NON_CURRENT,
    PENDING_ROTATION,
    PENDING_MULTI_REGION_IMPORT_AND_ROTATION
}
