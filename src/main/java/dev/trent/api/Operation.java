package dev.trent.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every operation of the current AWS KMS API (the request types of AWS SDK for Java 2.59.1). */
public enum Operation {
    CANCEL_KEY_DELETION("CancelKeyDeletion"),
    CONNECT_CUSTOM_KEY_STORE("ConnectCustomKeyStore"),
    CREATE_ALIAS("CreateAlias"),
    CREATE_CUSTOM_KEY_STORE("CreateCustomKeyStore"),
    CREATE_GRANT("CreateGrant"),
    CREATE_KEY("CreateKey"),
    DECAPSULATE("Decapsulate"),
    DECRYPT("Decrypt"),
    DELETE_ALIAS("DeleteAlias"),
    DELETE_CUSTOM_KEY_STORE("DeleteCustomKeyStore"),
    DELETE_IMPORTED_KEY_MATERIAL("DeleteImportedKeyMaterial"),
    DERIVE_SHARED_SECRET("DeriveSharedSecret"),
    DESCRIBE_CUSTOM_KEY_STORES("DescribeCustomKeyStores"),
    DESCRIBE_KEY("DescribeKey"),
    DISABLE_KEY("DisableKey"),
    DISABLE_KEY_ROTATION("DisableKeyRotation"),
    DISCONNECT_CUSTOM_KEY_STORE("DisconnectCustomKeyStore"),
    ENABLE_KEY("EnableKey"),
    ENABLE_KEY_ROTATION("EnableKeyRotation"),
    ENCAPSULATE("Encapsulate"),
    ENCRYPT("Encrypt"),
    GENERATE_DATA_KEY("GenerateDataKey"),
    GENERATE_DATA_KEY_PAIR("GenerateDataKeyPair"),
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT("GenerateDataKeyPairWithoutPlaintext"),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext"),
    GENERATE_MAC("GenerateMac"),
    GENERATE_RANDOM("GenerateRandom"),
    GET_KEY_LAST_USAGE("GetKeyLastUsage"),
    GET_KEY_POLICY("GetKeyPolicy"),
    GET_KEY_ROTATION_STATUS("GetKeyRotationStatus"),
    GET_PARAMETERS_FOR_IMPORT("GetParametersForImport"),
    GET_PUBLIC_KEY("GetPublicKey"),
    IMPORT_KEY_MATERIAL("ImportKeyMaterial"),
    LIST_ALIASES("ListAliases"),
    LIST_GRANTS("ListGrants"),
    LIST_KEY_POLICIES("ListKeyPolicies"),
    LIST_KEY_ROTATIONS("ListKeyRotations"),
    LIST_KEYS("ListKeys"),
    LIST_RESOURCE_TAGS("ListResourceTags"),
    LIST_RETIRABLE_GRANTS("ListRetirableGrants"),
    PUT_KEY_POLICY("PutKeyPolicy"),
    RE_ENCRYPT("ReEncrypt"),
    REPLICATE_KEY("ReplicateKey"),
    RETIRE_GRANT("RetireGrant"),
    REVOKE_GRANT("RevokeGrant"),
    ROTATE_KEY_ON_DEMAND("RotateKeyOnDemand"),
    SCHEDULE_KEY_DELETION("ScheduleKeyDeletion"),
    SIGN("Sign"),
    TAG_RESOURCE("TagResource"),
    UNTAG_RESOURCE("UntagResource"),
    UPDATE_ALIAS("UpdateAlias"),
    UPDATE_CUSTOM_KEY_STORE("UpdateCustomKeyStore"),
    UPDATE_KEY_DESCRIPTION("UpdateKeyDescription"),
    UPDATE_PRIMARY_REGION("UpdatePrimaryRegion"),
    VERIFY("Verify"),
    VERIFY_MAC("VerifyMac");

    private static final Map<String, Operation> BY_NAME = new HashMap<>();

    static {
        for (Operation op : values()) {
            BY_NAME.put(op.awsName, op);
        }
    }

    private final String awsName;

    Operation(String awsName) {
        this.awsName = awsName;
    }

    /** The name in {@code X-Amz-Target: TrentService.NAME}. */
    public String awsName() {
        return awsName;
    }

    public static Optional<Operation> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
