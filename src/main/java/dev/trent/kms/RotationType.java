package dev.trent.kms;

/** AWS's RotationType. */
public enum RotationType {
    AUTOMATIC,
    ON_DEMAND
}
