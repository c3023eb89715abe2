package dev.trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.policy.AccessDeniedMessage.Reason;
import org.junit.jupiter.api.Test;

/** The texts recorded from real AWS KMS responses (sources in AccessDeniedMessage). */
class AccessDeniedMessageTest {
    private static final String USER = "arn:aws:iam::111111111111:user/kube-administrator";
    private static final String KEY = "arn:aws:kms:us-east-1:111111111111:key/be374906-0000-0000-0000-000000000000";

    @Test
    void noResourceBasedPolicyAllows() {
        assertThat(AccessDeniedMessage.of(USER, "kms:DisableKey", KEY, Reason.NO_RESOURCE_BASED_POLICY_ALLOWS))
                .isEqualTo("User: arn:aws:iam::111111111111:user/kube-administrator is not authorized to perform: kms:DisableKey on resource: "
                        + KEY + " because no resource-based policy allows the kms:DisableKey action");
    }

    @Test
    void explicitDenyInResourceBasedPolicy() {
        assertThat(AccessDeniedMessage.of("arn:aws:sts::111111111111:assumed-role/enclave_role/i-1", "kms:Decrypt", KEY, Reason.EXPLICIT_DENY_IN_RESOURCE_BASED_POLICY))
                .isEqualTo("User: arn:aws:sts::111111111111:assumed-role/enclave_role/i-1 is not authorized to perform: kms:Decrypt on resource: "
                        + KEY + " with an explicit deny in a resource-based policy");
    }

    @Test
    void identityBasedForms() {
        assertThat(AccessDeniedMessage.of(USER, "kms:Decrypt", KEY, Reason.NO_IDENTITY_BASED_POLICY_ALLOWS))
                .endsWith(" on resource: " + KEY + " because no identity-based policy allows the kms:Decrypt action");
        assertThat(AccessDeniedMessage.of(USER, "kms:Decrypt", KEY, Reason.EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY))
                .endsWith(" on resource: " + KEY + " with an explicit deny in an identity-based policy");
    }
}
