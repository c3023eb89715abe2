package dev.trent.admin;

/** A request to Trent's own endpoints that cannot be served: answered with its status and {"message": ...}. */
public final class AdminException extends RuntimeException {
    private final int status;

    public AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static AdminException badRequest(String message) {
        return new AdminException(400, message);
    }

    public int status() {
        return status;
    }
}
