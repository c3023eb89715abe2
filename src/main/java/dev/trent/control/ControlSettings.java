package dev.trent.control;

/**
 * How the test-control API is set up.
 *
 * @param adminToken the token every request under {@code /_trent/} but health and the console's
 *     files must carry; null for none (required with {@code --credentials})
 * @param requestLogSize how many of the latest KMS requests the request log keeps; 0 keeps none
 */
public record ControlSettings(String adminToken, int requestLogSize) {
    public static final int DEFAULT_REQUEST_LOG_SIZE = 1000;
    public static final ControlSettings DEFAULTS = new ControlSettings(null, DEFAULT_REQUEST_LOG_SIZE);

    public ControlSettings {
        if (adminToken != null && adminToken.isBlank()) {
            throw new ControlException("The admin token must not be empty.");
        }
        if (requestLogSize < 0) {
            throw new ControlException("The request log size must be at least 0, not " + requestLogSize + ".");
        }
    }

    public ControlSettings withAdminToken(String token) {
        return new ControlSettings(token, requestLogSize);
    }

    public ControlSettings withRequestLogSize(int size) {
        return new ControlSettings(adminToken, size);
    }
}
