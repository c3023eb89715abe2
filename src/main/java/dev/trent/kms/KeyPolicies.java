package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.policy.MalformedPolicyException;
import dev.trent.policy.PolicyCache;
import dev.trent.policy.PolicyDocument;
import java.util.List;

/** Key policies: stored verbatim, one per key, named {@code default}. */
public final class KeyPolicies {
    /** Key policies parsed once, for their validation now and their evaluation later. */
    private static final PolicyCache POLICIES = new PolicyCache();

    private final Keys keys;
    private final KeyResolver resolver;

    KeyPolicies(Keys keys, KeyResolver resolver) {
        this.keys = keys;
        this.resolver = resolver;
    }

    public String get(Scope scope, String keyId, String policyName) {
        KmsKey key = resolver.resolve(scope, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetKeyPolicy");
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw KmsException.notFound("No such policy exists");
        }
        return key.policy();
    }

    public void put(Scope scope, String keyId, String policyName, String policy) {
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "Only default policy is supported");
        }
        validate(policy);
        keys.change(scope, keyId, "kms:PutKeyPolicy", KeyStateRule.ANY_STATE, key -> key.withPolicy(policy));
    }

    public Page<String> list(Scope scope, String keyId, Integer limit, String marker) {
        resolver.resolve(scope, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListKeyPolicies");
        return Paging.page("policies", marker, limit, 100, List.of(DefaultKeyPolicy.NAME), name -> name);
    }

    /**
     * A key policy must be a policy document AWS would take (see {@link PolicyDocument}); its
     * parsed form stays in the cache for the policy's evaluation.
     */
    static void validate(String policy) {
        try {
            POLICIES.get(policy);
        } catch (MalformedPolicyException e) {
            throw new KmsException(ErrorCode.MALFORMED_POLICY_DOCUMENT, e.awsMessage());
        }
    }
}
