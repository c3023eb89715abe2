package dev.trent.store;

/**
 * A store that cannot be opened or used as it is: a wrong password, a corrupt or newer database,
 * an unreachable server. The message is for the person who started Trent, and says what to do.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
