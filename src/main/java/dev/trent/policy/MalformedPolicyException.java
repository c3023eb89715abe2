package dev.trent.policy;

/**
 * A policy document that AWS would refuse. {@link #awsMessage()} is the text AWS KMS puts in its
 * MalformedPolicyDocumentException for this fault where one is known (null where AWS says nothing,
 * as for a document that is not JSON); {@link #getMessage()} always says what is wrong.
 */
public final class MalformedPolicyException extends RuntimeException {
    /** AWS KMS's text for a principal it does not accept (recorded in many real CreateKey / PutKeyPolicy logs). */
    public static final String INVALID_PRINCIPALS = "Policy contains a statement with one or more invalid principals.";

    private final String awsMessage;

    MalformedPolicyException(String detail) {
        this(null, detail);
    }

    MalformedPolicyException(String awsMessage, String detail) {
        super(detail);
        this.awsMessage = awsMessage;
    }

    public String awsMessage() {
        return awsMessage;
    }
}
