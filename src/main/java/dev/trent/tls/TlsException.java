package dev.trent.tls;

/** A certificate or key Trent cannot use, or cannot write: stops start-up with this message. */
public final class TlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
