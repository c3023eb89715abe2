package dev.trent.kms;

/** AWS's ConnectionStateType: whether a custom key store is connected to its backing key store. */
public enum ConnectionState {
    CONNECTED,
    CONNECTING,
    FAILED,
    DISCONNECTED,
    DISCONNECTING
}
