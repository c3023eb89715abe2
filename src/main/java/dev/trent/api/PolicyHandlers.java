package dev.trent.api;

import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.KeyPolicies;
import dev.trent.kms.Kms;
import dev.trent.kms.Page;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

/** GetKeyPolicy, PutKeyPolicy, ListKeyPolicies. */
final class PolicyHandlers {
    private final KeyPolicies policies;
    private final Api.Routes routes;

    PolicyHandlers(Kms kms, Api.Routes routes) {
        this.policies = kms.policies();
        this.routes = routes;
    }

    void register() {
        routes.add(Operation.GET_KEY_POLICY, GetKeyPolicyRequest::builder, (caller, r) ->
                GetKeyPolicyResponse.builder()
                        .policy(policies.get(caller, r.keyId(), r.policyName()))
                        .policyName(DefaultKeyPolicy.NAME)
                        .build());
        routes.add(Operation.PUT_KEY_POLICY, PutKeyPolicyRequest::builder, (caller, r) -> {
            policies.put(caller, r.keyId(), r.policyName(), r.policy(), isTrue(r.bypassPolicyLockoutSafetyCheck()));
            return PutKeyPolicyResponse.builder().build();
        });
        routes.add(Operation.LIST_KEY_POLICIES, ListKeyPoliciesRequest::builder, (caller, r) -> {
            Page<String> page = policies.list(caller, r.keyId(), r.limit(), r.marker());
            return ListKeyPoliciesResponse.builder()
                    .policyNames(page.items())
                    .nextMarker(page.nextMarker())
                    .truncated(page.truncated())
                    .build();
        });
    }
}
