package dev.trent.policy;

/**
 * Where a document is attached decides which elements it may have: a resource-based policy (a key
 * policy) names its principals; an identity policy applies to the principal it is attached to and
 * must not name one.
 */
public enum PolicyKind {
    RESOURCE,
    IDENTITY
}
