package dev.trent.policy;

/**
 * AWS's AccessDeniedException text for a refused request, by why it was refused. Recorded forms
 * (real KMS responses): "User: arn:aws:iam::111111111111:user/kube-administrator is not authorized to
 * perform: kms:DisableKey on resource: arn:aws:kms:...:key/... because no resource-based policy allows
 * the kms:DisableKey action" (aws-ia/terraform-aws-eks-blueprints #485) and "... on resource:
 * arn:aws:kms:...:key/... with an explicit deny in a resource-based policy"
 * (aws/aws-nitro-enclaves-sdk-c #157); the identity-based forms are IAM's same pattern. No final period.
 */
public final class AccessDeniedMessage {

    public enum Reason {
        NO_RESOURCE_BASED_POLICY_ALLOWS,
        NO_IDENTITY_BASED_POLICY_ALLOWS,
        EXPLICIT_DENY_IN_RESOURCE_BASED_POLICY,
        EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY
    }

    private AccessDeniedMessage() {
    }

    public static String of(String principalArn, String action, String resource, Reason reason) {
        String head = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource + " ";
        return head + switch (reason) {
            case NO_RESOURCE_BASED_POLICY_ALLOWS -> "because no resource-based policy allows the " + action + " action";
            case NO_IDENTITY_BASED_POLICY_ALLOWS -> "because no identity-based policy allows the " + action + " action";
            case EXPLICIT_DENY_IN_RESOURCE_BASED_POLICY -> "with an explicit deny in a resource-based policy";
            case EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY -> "with an explicit deny in an identity-based policy";
        };
    }
}
