package dev.trent.policy;

/** The outcome of evaluating policies: AWS's explicit allow, explicit deny, or no statement applying (implicit deny). */
public enum Decision {
    ALLOW,
    DENY,
    NOT_APPLICABLE
}
