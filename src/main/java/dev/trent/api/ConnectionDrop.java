package dev.trent.api;

/**
 * Thrown (by a fault) to have the request's connection closed with no answer at all, as a network
 * failure would: clients see an I/O error, never an AWS error.
 */
public final class ConnectionDrop extends RuntimeException {
    public ConnectionDrop() {
        super("The connection is closed without an answer", null, false, false);
    }
}
