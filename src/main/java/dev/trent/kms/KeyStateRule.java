package dev.trent.kms;

/**
 * Which key states an operation accepts, after AWS's table "Key states and their effect on KMS
 * operations". Each operation on a key names its rule; {@link #check} is the only place the table
 * is applied.
 */
public enum KeyStateRule {
    /** Reading a key's properties: DescribeKey, GetKeyPolicy, ListResourceTags, ... */
    ANY_STATE,
    /** Changing a key's properties: refused while the key waits to be deleted. */
    NOT_PENDING_DELETION,
    /** EnableKey and DisableKey: refused also while the key has no material. */
    HAS_MATERIAL,
    /** Cryptographic use: the key must be enabled. */
    ENABLED,
    /** CancelKeyDeletion: only a key waiting to be deleted (or, a multi-Region primary, for its replicas to be). */
    PENDING_DELETION,
    /** CreateGrant: as cryptographic use, but a key whose custom key store is disconnected still takes grants. */
    CREATE_GRANT;

    public void check(KmsKey key) {
        KeyState state = key.state();
        switch (this) {
            case ANY_STATE -> { }
            case NOT_PENDING_DELETION -> {
                if (state == KeyState.PENDING_DELETION || state == KeyState.PENDING_REPLICA_DELETION) {
                    throw invalidState(key);
                }
            }
            case HAS_MATERIAL -> {
                if (state != KeyState.ENABLED && state != KeyState.DISABLED) {
                    throw invalidState(key);
                }
            }
            case ENABLED -> {
                if (state == KeyState.DISABLED) {
                    throw new KmsException(ErrorCode.DISABLED, key.arn() + " is disabled.");
                }
                if (state != KeyState.ENABLED) {
                    throw invalidState(key);
                }
            }
            case CREATE_GRANT -> {
                if (state != KeyState.UNAVAILABLE) {
                    ENABLED.check(key);
                }
            }
            case PENDING_DELETION -> {
                if (state != KeyState.PENDING_DELETION && state != KeyState.PENDING_REPLICA_DELETION) {
                    throw new KmsException(ErrorCode.INVALID_STATE, key.arn() + " is not pending deletion.");
                }
            }
        }
    }

    public static KmsException invalidState(KmsKey key) {
        return new KmsException(ErrorCode.INVALID_STATE, key.arn() + " is " + describe(key.state()) + ".");
    }

    private static String describe(KeyState state) {
        return switch (state) {
            case PENDING_DELETION -> "pending deletion";
            case PENDING_IMPORT -> "pending import";
            case PENDING_REPLICA_DELETION -> "pending replica deletion";
            case CREATING -> "creating";
            case UPDATING -> "updating";
            case UNAVAILABLE -> "unavailable";
            case ENABLED -> "enabled";
            case DISABLED -> "disabled";
        };
    }
}
