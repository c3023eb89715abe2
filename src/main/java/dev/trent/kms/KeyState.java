package dev.trent.kms;

/** The states of a KMS key, by AWS's names. */
public enum KeyState {
    CREATING("Creating"),
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    PENDING_DELETION("PendingDeletion"),
    PENDING_IMPORT("PendingImport"),
    PENDING_REPLICA_DELETION("PendingReplicaDeletion"),
    UNAVAILABLE("Unavailable"),
    UPDATING("Updating");

    private final String awsName;

    KeyState(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
