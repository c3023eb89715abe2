package dev.trent.kms;

/** AWS KMS's error types, by the name AWS puts in {@code __type}. */
public enum ErrorCode {
    ACCESS_DENIED("AccessDeniedException"),
    ALREADY_EXISTS("AlreadyExistsException"),
    CUSTOM_KEY_STORE_NOT_FOUND("CustomKeyStoreNotFoundException"),
    DEPENDENCY_TIMEOUT("DependencyTimeoutException"),
    DISABLED("DisabledException"),
    DRY_RUN_OPERATION("DryRunOperationException"),
    INCORRECT_KEY("IncorrectKeyException"),
    INTERNAL("KMSInternalException"),
    INVALID_ALIAS_NAME("InvalidAliasNameException"),
    INVALID_ARN("InvalidArnException"),
    INVALID_CIPHERTEXT("InvalidCiphertextException"),
    INVALID_GRANT_TOKEN("InvalidGrantTokenException"),
    INVALID_KEY_USAGE("InvalidKeyUsageException"),
    INVALID_MAC("KMSInvalidMacException"),
    INVALID_MARKER("InvalidMarkerException"),
    INVALID_SIGNATURE("KMSInvalidSignatureException"),
    INVALID_STATE("KMSInvalidStateException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocumentException"),
    NOT_AUTHORIZED("NotAuthorizedException"),
    NOT_FOUND("NotFoundException"),
    SERIALIZATION("SerializationException"),
    TAG("TagException"),
    THROTTLING("ThrottlingException"),
    UNKNOWN_OPERATION("UnknownOperationException"),
    UNSUPPORTED_OPERATION("UnsupportedOperationException"),
    VALIDATION("ValidationException");

    private final String awsName;

    ErrorCode(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
