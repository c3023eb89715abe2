package dev.trent.kms;

/** AWS's IncludeKeyMaterial: which key materials ListKeyRotations lists. */
public enum IncludeKeyMaterial {
    ALL_KEY_MATERIAL,
    ROTATIONS_ONLY
}
