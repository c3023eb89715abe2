package dev.trent.kms;

/** AWS KMS's error types, by the name AWS puts in {@code __type}. */
public enum ErrorCode {
    ACCESS_DENIED("AccessDeniedException"),
    ALREADY_EXISTS("AlreadyExistsException"),
    CLOUD_HSM_CLUSTER_IN_USE("CloudHsmClusterInUseException"),
    CLOUD_HSM_CLUSTER_INVALID_CONFIGURATION("CloudHsmClusterInvalidConfigurationException"),
    CLOUD_HSM_CLUSTER_NOT_ACTIVE("CloudHsmClusterNotActiveException"),
    CLOUD_HSM_CLUSTER_NOT_FOUND("CloudHsmClusterNotFoundException"),
    CLOUD_HSM_CLUSTER_NOT_RELATED("CloudHsmClusterNotRelatedException"),
    CONFLICT("ConflictException"),
    CUSTOM_KEY_STORE_HAS_KEYS("CustomKeyStoreHasCMKsException"),
    CUSTOM_KEY_STORE_INVALID_STATE("CustomKeyStoreInvalidStateException"),
    CUSTOM_KEY_STORE_NAME_IN_USE("CustomKeyStoreNameInUseException"),
    CUSTOM_KEY_STORE_NOT_FOUND("CustomKeyStoreNotFoundException"),
    DEPENDENCY_TIMEOUT("DependencyTimeoutException"),
    DISABLED("DisabledException"),
    DRY_RUN_OPERATION("DryRunOperationException"),
    EXPIRED_IMPORT_TOKEN("ExpiredImportTokenException"),
    INCORRECT_KEY("IncorrectKeyException"),
    INCORRECT_KEY_MATERIAL("IncorrectKeyMaterialException"),
    INCORRECT_TRUST_ANCHOR("IncorrectTrustAnchorException"),
    INTERNAL("KMSInternalException"),
    INVALID_ALIAS_NAME("InvalidAliasNameException"),
    INVALID_ARN("InvalidArnException"),
    INVALID_CIPHERTEXT("InvalidCiphertextException"),
    INVALID_GRANT_ID("InvalidGrantIdException"),
    INVALID_GRANT_TOKEN("InvalidGrantTokenException"),
    INVALID_IMPORT_TOKEN("InvalidImportTokenException"),
    INVALID_KEY_USAGE("InvalidKeyUsageException"),
    INVALID_MAC("KMSInvalidMacException"),
    INVALID_MARKER("InvalidMarkerException"),
    INVALID_SIGNATURE("KMSInvalidSignatureException"),
    INVALID_STATE("KMSInvalidStateException"),
    KEY_UNAVAILABLE("KeyUnavailableException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocumentException"),
    NOT_AUTHORIZED("NotAuthorizedException"),
    NOT_FOUND("NotFoundException"),
    SERIALIZATION("SerializationException"),
    TAG("TagException"),
    THROTTLING("ThrottlingException"),
    UNKNOWN_OPERATION("UnknownOperationException"),
    UNSUPPORTED_OPERATION("UnsupportedOperationException"),
    XKS_KEY_ALREADY_IN_USE("XksKeyAlreadyInUseException"),
    XKS_KEY_INVALID_CONFIGURATION("XksKeyInvalidConfigurationException"),
    XKS_KEY_NOT_FOUND("XksKeyNotFoundException"),
    XKS_PROXY_INCORRECT_AUTHENTICATION_CREDENTIAL("XksProxyIncorrectAuthenticationCredentialException"),
    XKS_PROXY_INVALID_CONFIGURATION("XksProxyInvalidConfigurationException"),
    XKS_PROXY_INVALID_RESPONSE("XksProxyInvalidResponseException"),
    XKS_PROXY_URI_ENDPOINT_IN_USE("XksProxyUriEndpointInUseException"),
    XKS_PROXY_URI_IN_USE("XksProxyUriInUseException"),
    XKS_PROXY_URI_UNREACHABLE("XksProxyUriUnreachableException"),
    XKS_PROXY_VPC_ENDPOINT_SERVICE_IN_USE("XksProxyVpcEndpointServiceInUseException"),
    XKS_PROXY_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION("XksProxyVpcEndpointServiceInvalidConfigurationException"),
    XKS_PROXY_VPC_ENDPOINT_SERVICE_NOT_FOUND("XksProxyVpcEndpointServiceNotFoundException"),
    VALIDATION("ValidationException");

    private final String awsName;

    ErrorCode(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
