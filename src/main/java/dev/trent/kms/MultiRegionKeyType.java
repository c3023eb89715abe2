package dev.trent.kms;

/** AWS's MultiRegionKeyType. */
public enum MultiRegionKeyType {
    PRIMARY,
    REPLICA
}
