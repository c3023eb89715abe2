package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.policy.MalformedPolicyException;
import dev.trent.policy.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Key policies: stored verbatim, one per key, named {@code default}. */
public final class KeyPolicies {
    /** AWS's quota "Key policy document size" (32 KB), in bytes. */
    static final int MAX_POLICY_BYTES = 32_768;

    private final Keys keys;
    private final KeyResolver resolver;

    private final KeyAccess access;

    KeyPolicies(Keys keys, KeyResolver resolver, KeyAccess access) {
        this.access = access;
        this.keys = keys;
        this.resolver = resolver;
    }

    public String get(Requester requester, String keyId, String policyName) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetKeyPolicy");
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw KmsException.notFound("No such policy exists");
        }
        return key.policy();
    }

    public void put(Requester requester, String keyId, String policyName, String policy,
            boolean bypassPolicyLockoutSafetyCheck) {
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "Only default policy is supported");
        }
        validate(policy);
        keys.change(requester, keyId, "kms:PutKeyPolicy", KeyStateRule.ANY_STATE, key -> {
            access.checkLockout(requester, key, policy, bypassPolicyLockoutSafetyCheck);
            return key.withPolicy(policy);
        });
    }

    public Page<String> list(Requester requester, String keyId, Integer limit, String marker) {
        resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListKeyPolicies");
        return Paging.page("policies", marker, limit, 100, List.of(DefaultKeyPolicy.NAME), name -> name);
    }

    /**
     * A key policy must be a policy document AWS would take (see {@link PolicyDocument}) within AWS's
     * size quota; its parsed form stays in {@link KeyAccess#POLICIES} for the policy's evaluation.
     */
    static void validate(String policy) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw new KmsException(ErrorCode.LIMIT_EXCEEDED, "The key policy size quota is 32 kilobytes ("
                    + MAX_POLICY_BYTES + " bytes).");
        }
        try {
            KeyAccess.POLICIES.get(policy);
        } catch (MalformedPolicyException e) {
            throw new KmsException(ErrorCode.MALFORMED_POLICY_DOCUMENT, e.awsMessage());
        }
    }
}
