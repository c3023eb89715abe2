package dev.trent.kms;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a grant may be, after AWS's CreateGrant documentation, "Grant operations" and "Grant
 * constraints": who it names, which operations it allows for which keys, and its constraints.
 */
final class GrantRules {
    /** AWS: each encryption context constraint holds up to 8 pairs of at most 384 characters in all. */
    private static final int CONSTRAINT_PAIRS = 8;
    private static final int CONSTRAINT_CHARACTERS = 384;
    private static final Pattern ARN = Pattern.compile("arn:[^:]+:[^:]+:[^:]*:[^:]*:.+");

    static final String GRANTEE_EITHER =
            "You must specify either GranteePrincipal or GranteeServicePrincipal, but not both.";
    static final String RETIRING_EITHER =
            "You must specify either RetiringPrincipal or RetiringServicePrincipal, but not both.";

    private GrantRules() {
    }

    /** The checks that need no key: principals, operations, constraints. */
    static void checkRequest(CreateGrantCommand command) {
        checkPrincipals(command);
        checkOperations(command.operations());
        checkConstraints(command.constraints());
    }

    private static void checkPrincipals(CreateGrantCommand command) {
        if ((command.granteePrincipal() == null) == (command.granteeServicePrincipal() == null)) {
            throw KmsException.validation(GRANTEE_EITHER);
        }
        if (command.retiringPrincipal() != null && command.retiringServicePrincipal() != null) {
            throw KmsException.validation(
                    "You can specify either RetiringPrincipal or RetiringServicePrincipal, but not both.");
        }
        if (command.granteeServicePrincipal() != null) {
            if (command.constraints().sourceArn() == null) {
                throw KmsException.validation(
                        "When you specify a GranteeServicePrincipal, you must also specify a SourceArn grant constraint.");
            }
            if (command.retiringPrincipal() == null && command.retiringServicePrincipal() == null) {
                throw KmsException.validation("When you specify a GranteeServicePrincipal, you must also specify "
                        + "either a RetiringPrincipal or a RetiringServicePrincipal.");
            }
        }
        Principals.check(command.granteePrincipal());
        Principals.check(command.retiringPrincipal());
    }

    private static void checkOperations(List<GrantOperation> operations) {
        if (operations.isEmpty()) {
            throw KmsException.validation("Grants must contain at least one operation.");
        }
        if (new HashSet<>(operations).equals(Set.of(GrantOperation.CreateGrant))) {
            throw KmsException.validation("Grants must not contain only the CreateGrant operation.");
        }
    }

    private static void checkConstraints(GrantConstraints constraints) {
        if (constraints.encryptionContextEquals() != null && constraints.encryptionContextSubset() != null) {
            throw KmsException.validation("More than one constraint supplied");
        }
        for (Map<String, String> context : Arrays.asList(constraints.encryptionContextEquals(),
                constraints.encryptionContextSubset())) {
            if (context == null) {
                continue;
            }
            if (context.size() > CONSTRAINT_PAIRS) {
                throw KmsException.validation("An encryption context grant constraint can include up to "
                        + CONSTRAINT_PAIRS + " encryption context pairs.");
            }
            int characters = context.entrySet().stream()
                    .mapToInt(e -> e.getKey().length() + e.getValue().length())
                    .sum();
            if (characters > CONSTRAINT_CHARACTERS) {
                throw KmsException.validation("The encryption context in a grant constraint cannot exceed "
                        + CONSTRAINT_CHARACTERS + " characters.");
            }
        }
        if (constraints.sourceArn() != null && !ARN.matcher(constraints.sourceArn()).matches()) {
            throw new KmsException(ErrorCode.INVALID_ARN, "Invalid SourceArn '" + constraints.sourceArn() + "'");
        }
    }

    /** What a grant for this key may allow, after AWS's "Grant operations" and "Grant constraints". */
    static void checkFor(KmsKey key, CreateGrantCommand command) {
        for (GrantOperation operation : command.operations()) {
            if (!operation.supportedBy(key)) {
                throw KmsException.validation("Grant operation " + operation + " is not supported by " + key.arn()
                        + " with key spec " + key.spec() + " and key usage " + key.usage() + ".");
            }
        }
        if (command.constraints().hasEncryptionContext()) {
            if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
                throw KmsException.validation("Encryption context grant constraints are supported only on symmetric "
                        + "encryption KMS keys, and " + key.arn() + " has key spec " + key.spec() + ".");
            }
            for (GrantOperation operation : command.operations()) {
                if (!operation.allowsEncryptionContextConstraint()) {
                    throw KmsException.validation("Encryption context grant constraints are not supported for "
                            + "grant operation " + operation + ".");
                }
            }
        }
    }
}
