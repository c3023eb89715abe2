package dev.trent.kms;

/**
 * A failure that AWS KMS reports to its caller: an error type and AWS's message for it.
 * A null message is sent as no message at all, as AWS does for InvalidCiphertextException.
 */
public final class KmsException extends RuntimeException {
    private final ErrorCode code;

    public KmsException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static KmsException notFound(String message) {
        return new KmsException(ErrorCode.NOT_FOUND, message);
    }

    public static KmsException invalidCiphertext() {
        return new KmsException(ErrorCode.INVALID_CIPHERTEXT, null);
    }

    public static KmsException validation(String message) {
        return new KmsException(ErrorCode.VALIDATION, message);
    }
}
