package dev.trent.kms;

/** Whether Trent evaluates key policies, IAM policies and grants, or lets each account use its own keys. */
public enum AccessMode {
    /**
     * The default without {@code --credentials}: an account may do anything with its own keys and
     * nothing with another's, as under AWS's default key policy; AWS managed keys may only be read.
     */
    OWN_ACCOUNT,
    /** Key policies, the caller's IAM identity policies and grants decide, as AWS KMS decides. */
    POLICIES
}
