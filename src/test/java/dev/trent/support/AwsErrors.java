package dev.trent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Assertions on the errors AWS KMS answers: the SDK exception class the error type maps to, the
 * error type on the wire ({@code __type}), HTTP 400 and AWS's exact message.
 */
public final class AwsErrors {
    /**
     * AWS's AccessDeniedException message for a ciphertext whose key the caller cannot use
     * ([REAL-LOG], many reports 2017-2023).
     */
    public static final String CIPHERTEXT_KEY_NOT_ACCESSIBLE = "The ciphertext refers to a customer master key that"
            + " does not exist, does not exist in this region, or you are not allowed to access.";

    /** AWS's DryRunOperationException message for a request that would have succeeded. */
    public static final String DRY_RUN_MESSAGE = "The request would have succeeded, but the DryRun option is set.";

    private AwsErrors() {
    }

    /**
     * AWS's AccessDeniedException message when the root of {@code account} calls {@code action}
     * (e.g. {@code kms:Encrypt}) on a key whose policy does not allow it.
     */
    public static String notAuthorized(String account, String action, String resourceArn) {
        return "User: arn:aws:iam::" + account + ":root is not authorized to perform: " + action
                + " on resource: " + resourceArn + " because no resource-based policy allows the " + action + " action";
    }

    /**
     * Asserts that the call fails with the given SDK exception type, AWS error code, HTTP status 400
     * and exactly this message; returns the exception for further checks.
     */
    public static <E extends KmsException> E assertAwsError(ThrowingCallable call, Class<E> type, String errorCode,
            String message) {
        E e = assertAwsError(call, type, errorCode);
        assertThat(e.awsErrorDetails().errorMessage()).as("message of %s", errorCode).isEqualTo(message);
        return e;
    }

    /** As {@link #assertAwsError(ThrowingCallable, Class, String, String)}, leaving the message to the caller. */
    public static <E extends KmsException> E assertAwsError(ThrowingCallable call, Class<E> type, String errorCode) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s (%s) to be thrown", errorCode, type.getSimpleName()).isInstanceOf(type);
        E e = type.cast(thrown);
        assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(errorCode);
        assertThat(e.statusCode()).as("HTTP status of %s", errorCode).isEqualTo(400);
        return e;
    }

    /**
     * As {@link #assertAwsError(ThrowingCallable, Class, String, String)}, for the errors AWS sends
     * without a message.
     */
    public static <E extends KmsException> E assertAwsErrorWithoutMessage(ThrowingCallable call, Class<E> type,
            String errorCode) {
        E e = assertAwsError(call, type, errorCode);
        assertThat(e.awsErrorDetails().errorMessage()).as("message of %s", errorCode).isNullOrEmpty();
        return e;
    }

    /** ValidationException, which the KMS model does not declare: the SDK throws the base KmsException. */
    public static KmsException assertValidationError(ThrowingCallable call, String message) {
        return assertAwsError(call, KmsException.class, "ValidationException", message);
    }

    /** AccessDeniedException, which the KMS model does not declare either. */
    public static KmsException assertAccessDenied(ThrowingCallable call, String message) {
        return assertAwsError(call, KmsException.class, "AccessDeniedException", message);
    }
}
