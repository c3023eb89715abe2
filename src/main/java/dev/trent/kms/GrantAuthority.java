package dev.trent.kms;

import dev.trent.policy.RequestPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a key's grants allow a request (KMS Developer Guide, "Grants in AWS KMS", "Creating grants"):
 * a grant whose grantee is the caller and that names the operation. A grant to a role serves the
 * role's sessions; a grant to an account serves its root and the principals its IAM policies allow.
 * The grantee may be in another account than the key: the grant alone is enough, no key policy
 * statement is needed.
 * <ul>
 * <li>Encryption context constraints limit the cryptographic operations, which must give a context
 *     that meets them; DescribeKey and RetireGrant ignore them, as AWS does.
 * <li>CreateGrant allowed by a grant (the parent) only creates grants (children) whose operations are
 *     some or all of the parent's and whose constraints are at least as strict.
 * </ul>
 */
final class GrantAuthority {

    private GrantAuthority() {
    }

    /**
     * @param encryptionContext the request's encryption context for this action
     * @param child the grant the request creates (CreateGrant), else null
     */
    static boolean allows(List<Grant> grants, RequestPrincipal principal, boolean identityAllows, String action,
            Map<String, String> encryptionContext, CreateGrantCommand child) {
        GrantOperation operation = operation(action);
        if (operation == null) {
            return false;
        }
        for (Grant grant : grants) {
            if (grant.operations().contains(operation) && isGrantee(grant.granteePrincipal(), principal, identityAllows)
                    && (operation == GrantOperation.CreateGrant
                            ? child != null && delegates(grant, child)
                            : !operation.takesEncryptionContext() || meets(grant.constraints(), encryptionContext))) {
                return true;
            }
        }
        return false;
    }

    /** The grant operation an IAM action is, or null when no grant can allow it. */
    static GrantOperation operation(String action) {
        if (!action.startsWith("kms:")) {
            return null;
        }
        try {
            return GrantOperation.valueOf(action.substring(4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the caller is, or is served by, the principal a grant names: the same ARN, a session of
     * the named role, or any principal of the named account whose IAM policies allow the request (the
     * account's root always).
     */
    static boolean isGrantee(String grantee, RequestPrincipal principal, boolean identityAllows) {
        if (grantee == null) {
            return false; // a grant to a service principal serves that service only
        }
        String account = principal.account();
        if (grantee.equals(account) || grantee.equals(principal.accountRoot())) {
            return identityAllows;
        }
        return principal.actsAs(grantee);
    }

    /** AWS: EncryptionContextEquals must be the request's whole context; EncryptionContextSubset must be within it. */
    static boolean meets(GrantConstraints constraints, Map<String, String> encryptionContext) {
        if (constraints.encryptionContextEquals() != null
                && !constraints.encryptionContextEquals().equals(encryptionContext)) {
            return false;
        }
        return constraints.encryptionContextSubset() == null
                || includes(encryptionContext, constraints.encryptionContextSubset());
    }

    /**
     * Whether a grant's CreateGrant permission covers the child grant ("Granting CreateGrant
     * permission"): the child's operations are some or all of the parent's, and its constraints are
     * as strict or stricter. A child may add pairs to the parent's EncryptionContextSubset or turn
     * it into an EncryptionContextEquals that includes them, but not the reverse; a parent's
     * EncryptionContextEquals can only be kept as it is.
     */
    static boolean delegates(Grant parent, CreateGrantCommand child) {
        return parent.operations().containsAll(child.operations())
                && atLeastAsStrict(child.constraints(), parent.constraints());
    }

    static boolean atLeastAsStrict(GrantConstraints child, GrantConstraints parent) {
        if (parent.sourceArn() != null && !parent.sourceArn().equals(child.sourceArn())) {
            return false;
        }
        if (parent.encryptionContextEquals() != null) {
            return Objects.equals(parent.encryptionContextEquals(), child.encryptionContextEquals());
        }
        if (parent.encryptionContextSubset() != null) {
            Map<String, String> narrower = child.encryptionContextEquals() != null
                    ? child.encryptionContextEquals() : child.encryptionContextSubset();
            return narrower != null && includes(narrower, parent.encryptionContextSubset());
        }
        return true;
    }

    /** Whether every pair of {@code pairs} is in {@code context}: keys and values compared exactly (case-sensitive). */
    private static boolean includes(Map<String, String> context, Map<String, String> pairs) {
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (!pair.getValue().equals(context.get(pair.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
