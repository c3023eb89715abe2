package dev.trent.transfer;

/**
 * A key file that cannot be loaded: the message names the file, the entry and the reason, and
 * nothing from the file was applied.
 */
public final class KeyFileException extends RuntimeException {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
