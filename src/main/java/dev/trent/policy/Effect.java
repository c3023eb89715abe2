package dev.trent.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW,
    DENY
}
