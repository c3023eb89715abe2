package dev.trent.junit;

/** Whether Trent authorizes requests with key policies, IAM policies and grants ({@code --enforce-policies}). */
public enum PolicyEnforcement {
    /** As on the command line: enforced exactly when {@link WithTrent#credentials()} is given. */
    DEFAULT,
    /** Enforced; without credentials every caller is the root of its access key's account. */
    ENFORCED,
    /** Not enforced: an account may do anything with its own keys and nothing with another's. */
    NOT_ENFORCED;

    Boolean asConfig() {
        return switch (this) {
            case DEFAULT -> null;
            case ENFORCED -> Boolean.TRUE;
            case NOT_ENFORCED -> Boolean.FALSE;
        };
    }
}
