package dev.trent.kms;

import dev.trent.policy.RequestPrincipal;
import java.util.List;
import java.util.Map;

/**
 * Whether a key's grants allow a request (KMS Developer Guide, "Grants in AWS KMS"): a grant whose
 * grantee is the caller, that names the operation, and whose constraints the request's encryption
 * context meets. A grant to a role serves the role's sessions; a grant to an account serves its
 * principals that its IAM policies allow.
 */
final class GrantAuthority {

    private GrantAuthority() {
    }

    static boolean allows(List<Grant> grants, RequestPrincipal principal, boolean identityAllows, String action,
            Map<String, String> encryptionContext) {
        GrantOperation operation = operation(action);
        if (operation == null) {
            return false;
        }
        for (Grant grant : grants) {
            if (grant.operations().contains(operation) && isGrantee(grant.granteePrincipal(), principal, identityAllows)
                    && meets(grant.constraints(), encryptionContext)) {
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

    static boolean isGrantee(String grantee, RequestPrincipal principal, boolean identityAllows) {
        if (grantee == null) {
            return false; // a grant to a service principal serves that service only
        }
        String account = principal.account();
        if (grantee.equals(account) || grantee.equals("arn:" + principal.name().split(":", 3)[1] + ":iam::" + account + ":root")) {
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
        if (constraints.encryptionContextSubset() != null) {
            for (Map.Entry<String, String> pair : constraints.encryptionContextSubset().entrySet()) {
                if (!pair.getValue().equals(encryptionContext.get(pair.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
