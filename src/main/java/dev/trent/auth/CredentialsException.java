package dev.trent.auth;

/** A credentials file Trent cannot use; the message says which file and what is wrong. */
public final class CredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
