package dev.trent.policy;

/** How a statement's Principal matched the caller, which the wiring needs to apply KMS's rules. */
public enum PrincipalMatch {
    /** An identity policy: it applies to the principal it is attached to. */
    ATTACHED,
    /** {@code "*"} or {@code {"AWS": "*"}}: everyone. */
    ANYONE,
    /** The caller's own ARN (or, for an assumed-role session, its role's ARN) or its service name. */
    EXACT,
    /**
     * The caller's account ({@code "111122223333"} or {@code arn:aws:iam::111122223333:root}): in a key
     * policy this delegates to the account's IAM policies, so a caller other than the root itself
     * still needs an identity policy allowing the request.
     */
    ACCOUNT,
    /** A NotPrincipal statement that does not exclude the caller. */
    NOT_PRINCIPAL
}
