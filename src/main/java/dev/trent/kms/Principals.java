package dev.trent.kms;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principals a grant may name as grantee or retiring principal: as AWS documents them, an AWS
 * account (its id or its root ARN), an IAM user or role, a federated user, an assumed-role session,
 * or an AWS service principal. Trent has no IAM to ask whether a principal exists, so it checks the
 * form only; AWS answers InvalidArnException for a principal it cannot accept.
 */
final class Principals {
    private static final String PARTITION = "aws(-[a-z]+)*";
    private static final String ACCOUNT = "\\d{12}";
    private static final String NAME = "[\\w+=,.@-]+";
    private static final String PATH = "(/" + NAME + ")*/";
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            ACCOUNT
            + "|arn:" + PARTITION + ":iam::" + ACCOUNT + ":(root|(user|role)" + PATH + NAME + ")"
            + "|arn:" + PARTITION + ":sts::" + ACCOUNT + ":(federated-user/" + NAME + "|assumed-role/" + NAME + "/" + NAME + ")");
    /** AWS's pattern for GranteeServicePrincipal ({@code dynamodb.amazonaws.com}). */
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("([A-Za-z0-9\\-]+)\\.([A-Za-z0-9\\-]+)(\\.[A-Za-z0-9\\-]+)+");
    /** An IAM or STS principal ARN, for its account. */
    private static final Pattern PRINCIPAL_ACCOUNT = Pattern.compile(
            "arn:" + PARTITION + ":(?:iam|sts)::(?<account>" + ACCOUNT + "):.*");

    private Principals() {
    }

    /**
     * The account of an AWS principal as grants name it (an account id, or an IAM or STS ARN); null
     * for a service principal, which belongs to no account.
     */
    static String accountOf(String principal) {
        if (Scope.isAccountId(principal)) {
            return principal;
        }
        Matcher arn = PRINCIPAL_ACCOUNT.matcher(principal);
        return arn.matches() ? arn.group("account") : null;
    }

    /** Refuses a GranteePrincipal or RetiringPrincipal (null: absent) that names no principal. */
    static void check(String principal) {
        if (principal != null && !AWS_PRINCIPAL.matcher(principal).matches()
                && !SERVICE_PRINCIPAL.matcher(principal).matches()) {
            throw new KmsException(ErrorCode.INVALID_ARN, "Invalid principal '" + principal + "'");
        }
    }
}
