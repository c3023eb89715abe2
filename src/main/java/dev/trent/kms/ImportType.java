package dev.trent.kms;

/** AWS's ImportType: whether an import brings key material new to the key or brings back material it had. */
public enum ImportType {
    NEW_KEY_MATERIAL,
    EXISTING_KEY_MATERIAL
}
