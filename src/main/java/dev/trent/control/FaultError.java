package dev.trent.control;

import dev.trent.kms.ErrorCode;
import dev.trent.kms.KmsException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The AWS errors a fault can answer with: those AWS KMS answers when it, not the request, is at
 * fault, which clients are expected to retry or fall back from. The messages are AWS's own (its API
 * reference, and the developer guide's "Throttling AWS KMS requests").
 */
public enum FaultError {
    THROTTLING(ErrorCode.THROTTLING,
            "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls."),
    KMS_INTERNAL(ErrorCode.INTERNAL,
            "The request was rejected because an internal exception occurred. The request can be retried."),
    DEPENDENCY_TIMEOUT(ErrorCode.DEPENDENCY_TIMEOUT,
            "The system timed out while trying to fulfill the request. You can retry the request."),
    KEY_UNAVAILABLE(ErrorCode.KEY_UNAVAILABLE,
            "The request was rejected because the specified KMS key was not available. You can retry the request.");

    private final ErrorCode code;
    private final String message;

    FaultError(ErrorCode code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The AWS error type, e.g. {@code ThrottlingException}. */
    public String awsName() {
        return code.awsName();
    }

    public static Optional<FaultError> named(String awsName) {
        return Arrays.stream(values()).filter(e -> e.awsName().equals(awsName)).findFirst();
    }

    KmsException exception() {
        return new KmsException(code, message);
    }
}
