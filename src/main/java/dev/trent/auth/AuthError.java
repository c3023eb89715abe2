package dev.trent.auth;

/**
 * The error types AWS's request authentication answers with, before any KMS rule runs. AWS JSON
 * services send them all with HTTP 400, like their own client errors.
 */
public enum AuthError {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    INVALID_SIGNATURE("InvalidSignatureException"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException");

    private final String awsName;

    AuthError(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public int httpStatus() {
        return 400;
    }
}
