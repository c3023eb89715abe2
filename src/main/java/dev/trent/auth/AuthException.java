package dev.trent.auth;

/** A request whose signature Trent does not accept: AWS's error type and exact message. */
public final class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AuthError error;

    public AuthException(AuthError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public AuthError error() {
        return error;
    }
}
