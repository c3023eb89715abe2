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
final class PolicyHandlers implements HandlerGroup {
    private final KeyPolicies policies;

    PolicyHandlers(Kms kms) {
        this.policies = kms.policies();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case GET_KEY_POLICY -> Api.route(GetKeyPolicyRequest::builder, (caller, r) ->
                    GetKeyPolicyResponse.builder()
                            .policy(policies.get(caller, r.keyId(), r.policyName()))
                            .policyName(DefaultKeyPolicy.NAME)
                            .build());
            case PUT_KEY_POLICY -> Api.route(PutKeyPolicyRequest::builder, (caller, r) -> {
                policies.put(caller, r.keyId(), r.policyName(), r.policy(), isTrue(r.bypassPolicyLockoutSafetyCheck()));
                return PutKeyPolicyResponse.builder().build();
            });
            case LIST_KEY_POLICIES -> Api.route(ListKeyPoliciesRequest::builder, (caller, r) -> {
                Page<String> page = policies.list(caller, r.keyId(), r.limit(), r.marker());
                return ListKeyPoliciesResponse.builder()
                        .policyNames(page.items())
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            default -> null;
        };
    }
}
