package dev.trent.kms;

import dev.trent.policy.AccessDeniedMessage;
import dev.trent.policy.AccessDeniedMessage.Reason;
import dev.trent.policy.Evaluation;
import dev.trent.policy.PolicyCache;
import dev.trent.policy.PolicyDocument;
import dev.trent.policy.PolicyKind;
import dev.trent.policy.RequestContext;
import dev.trent.policy.RequestPrincipal;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;

/**
 * Who may do what: the one place a request is allowed or refused. Under {@link AccessMode#POLICIES}
 * it applies AWS KMS's authorization (KMS Developer Guide, "Key policies", "Cross-account access",
 * "Grants"):
 * <ul>
 * <li>an explicit Deny in the key policy or in the caller's IAM policies refuses;
 * <li>in the key's own account, the key policy allows the caller outright (naming it, its role or
 *     {@code *}), or allows the account, which then needs an IAM policy of the caller too (the
 *     account's root needs none);
 * <li>from another account, the key policy must allow the caller or its account, and the caller's
 *     own IAM policy must allow the request as well;
 * <li>a grant to the caller for the operation, whose constraints the request meets, allows it too.
 * </ul>
 * Operations on no key (CreateKey, ListKeys, ...) and on aliases are decided by IAM policies alone.
 */
public final class KeyAccess {
    /** Policy documents parsed once: key policies and identity policies alike. */
    static final PolicyCache POLICIES = new PolicyCache();
    private static final String RESOURCE_ALIASES = "kms:ResourceAliases";
    /**
     * The actions another account's principals may perform on a key at all, when both policies allow
     * them (each operation's "Cross-account use: Yes" in the KMS API Reference); a key policy giving
     * another account any other permission, kms:ScheduleKeyDeletion say, has no effect.
     */
    private static final Set<String> CROSS_ACCOUNT_ACTIONS = Set.of("kms:CreateGrant", "kms:Decapsulate",
            "kms:Decrypt", "kms:DeriveSharedSecret", "kms:DescribeKey", "kms:Encapsulate", "kms:Encrypt",
            "kms:GenerateDataKey", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateMac", "kms:GetKeyRotationStatus",
            "kms:GetPublicKey", "kms:ListGrants", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RetireGrant",
            "kms:RevokeGrant", "kms:Sign", "kms:Verify", "kms:VerifyMac");

    private final AccessMode mode;
    private final Store store;
    private final Clock clock;

    KeyAccess(AccessMode mode, Store store, Clock clock) {
        this.mode = mode;
        this.store = store;
        this.clock = clock;
    }

    public AccessMode mode() {
        return mode;
    }

    /**
     * Refuses the request unless the requester may perform {@code action} on the key.
     *
     * @param action the IAM action ({@code kms:Encrypt})
     */
    void check(Requester requester, KmsKey key, String action) {
        check(requester, key, action, null);
    }

    /**
     * CreateGrant: as {@link #check}, and a grant that allows CreateGrant allows only this grant when
     * it delegates no more than it has ({@link GrantAuthority#delegates}).
     */
    void checkCreateGrant(Requester requester, KmsKey key, CreateGrantCommand child) {
        check(requester, key, "kms:CreateGrant", child);
    }

    private void check(Requester requester, KmsKey key, String action, CreateGrantCommand child) {
        if (mode == AccessMode.OWN_ACCOUNT) {
            if (!key.scope().account().equals(requester.account())
                    || key.manager() == KeyManager.AWS && !AwsManagedKeys.allowsDirectly(action)) {
                throw denied(requester, action, key.arn(), Reason.NO_RESOURCE_BASED_POLICY_ALLOWS);
            }
            return;
        }
        Reason refusal = refusal(requester, key, key.policy(), action, child);
        if (refusal != null) {
            throw denied(requester, action, key.arn(), refusal);
        }
    }

    /**
     * AWS's policy lockout safety check (CreateKey, PutKeyPolicy, ReplicateKey): the caller must be able
     * to change the key's policy again under the new one, unless it asks to bypass the check. Policies
     * that are not enforced can lock nobody out, so there is nothing to check then.
     */
    void checkLockout(Requester requester, KmsKey key, String policy, boolean bypass) {
        if (bypass || mode == AccessMode.OWN_ACCOUNT) {
            return;
        }
        if (refusal(requester, key, policy, "kms:PutKeyPolicy", null) != null) {
            throw new KmsException(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                    "The new key policy will not allow you to update the key policy in the future.");
        }
    }

    /**
     * RetireGrant is authorized by the grant (KMS Developer Guide, "Retiring and revoking grants"): its
     * retiring principal, its grantee when the grant allows RetireGrant, and the account in which the
     * grant was created (or that owns the key) may retire it. An account named there acts through its
     * root, or through the principals its IAM policies allow kms:RetireGrant. The kms:RetireGrant
     * permission "is not effective in a key policy", so the key policy plays no part; an explicit
     * Deny in the caller's IAM policies refuses.
     */
    void checkRetire(Requester requester, KmsKey key, Grant grant) {
        RequestPrincipal principal = RequestPrincipal.aws(requester.principal());
        String action = "kms:RetireGrant";
        if (mode == AccessMode.OWN_ACCOUNT) {
            if (grant.retiringPrincipal() != null && isOrStandsFor(principal, grant.retiringPrincipal())
                    || grant.operations().contains(GrantOperation.RetireGrant) && grant.granteePrincipal() != null
                            && isOrStandsFor(principal, grant.granteePrincipal())) {
                return;
            }
            check(requester, key, action);
            return;
        }
        RequestContext context = context(requester, principal, action, key.arn(), key, List.of());
        Evaluation identity = identity(requester, context);
        if (identity.denied()) {
            throw denied(requester, action, key.arn(), Reason.EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY);
        }
        boolean identityAllows = principal.isRoot() || identity.allowed();
        String root = principal.accountRoot();
        boolean allowed = GrantAuthority.isGrantee(grant.retiringPrincipal(), principal, identityAllows)
                || grant.operations().contains(GrantOperation.RetireGrant)
                        && GrantAuthority.isGrantee(grant.granteePrincipal(), principal, identityAllows)
                || (root.equals(grant.issuingAccount()) || principal.account().equals(key.scope().account()))
                        && identityAllows;
        if (!allowed) {
            throw denied(requester, action, key.arn(), Reason.NO_IDENTITY_BASED_POLICY_ALLOWS);
        }
    }

    /**
     * Whether the caller is the named principal; without enforced policies every caller is its
     * account's root and stands for any principal of its account.
     */
    private boolean isOrStandsFor(RequestPrincipal principal, String named) {
        if (principal.actsAs(named)) {
            return true;
        }
        return mode == AccessMode.OWN_ACCOUNT && principal.account().equals(Principals.accountOf(named));
    }

    /** Refuses an action on no key (kms:CreateKey, kms:ListKeys, ...) unless the caller's IAM policies allow it. */
    void checkWithoutKey(Requester requester, String action) {
        checkIdentity(requester, action, "*");
    }

    /**
     * ListRetirableGrants, once IAM policies allowed it ({@link #checkWithoutKey}): the retiring principal
     * must be in the caller's own account (API reference, ListRetirableGrants, "Cross-account use":
     * "You must specify a principal in your Amazon Web Services account").
     */
    void checkRetiringPrincipalAccount(Requester requester, String retiringPrincipal) {
        String action = "kms:ListRetirableGrants";
        if (mode == AccessMode.POLICIES && retiringPrincipal != null
                && !requester.account().equals(Principals.accountOf(retiringPrincipal))) {
            throw denied(requester, action, "*", Reason.NO_IDENTITY_BASED_POLICY_ALLOWS);
        }
    }

    /** Refuses an action on an alias (kms:CreateAlias, ...) unless the caller's IAM policies allow it on the alias. */
    void checkAlias(Requester requester, String action, Scope scope, String aliasName) {
        checkIdentity(requester, action, scope.aliasArn(aliasName));
    }

    private void checkIdentity(Requester requester, String action, String resource) {
        if (mode == AccessMode.OWN_ACCOUNT) {
            return;
        }
        RequestPrincipal principal = RequestPrincipal.aws(requester.principal());
        RequestContext context = context(requester, principal, action, resource, null, List.of());
        Evaluation identity = identity(requester, context);
        if (identity.denied()) {
            throw denied(requester, action, resource, Reason.EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY);
        }
        if (!principal.isRoot() && !identity.allowed()) {
            throw denied(requester, action, resource, Reason.NO_IDENTITY_BASED_POLICY_ALLOWS);
        }
    }

    /** Why the request is refused, or null when it is allowed. */
    private Reason refusal(Requester requester, KmsKey key, String policy, String action, CreateGrantCommand child) {
        RequestPrincipal principal = RequestPrincipal.aws(requester.principal());
        PolicyDocument keyPolicy = POLICIES.get(policy);
        List<PolicyDocument> identityPolicies = identityDocuments(requester);
        RequestContext context;
        if (anyDocument(keyPolicy, identityPolicies, PolicyDocument::readsConditionKeys)) {
            List<String> aliases = anyDocument(keyPolicy, identityPolicies, d -> d.testsKey(RESOURCE_ALIASES))
                    ? store.aliasesOf(key.scope(), key.keyId()).stream().map(Alias::name).toList()
                    : List.of();
            context = context(requester, principal, action, key.arn(), key, aliases);
        } else { // AWS's default key policy, say: the condition keys would be gathered for nothing
            context = RequestContext.builder().principal(principal).action(action).resource(key.arn()).build();
        }
        Evaluation resource = keyPolicy.evaluate(context);
        if (resource.denied()) {
            return Reason.EXPLICIT_DENY_IN_RESOURCE_BASED_POLICY;
        }
        Evaluation identity = evaluate(identityPolicies, context);
        if (identity.denied()) {
            return Reason.EXPLICIT_DENY_IN_IDENTITY_BASED_POLICY;
        }
        boolean ownAccount = principal.account().equals(key.scope().account());
        if (!ownAccount && !CROSS_ACCOUNT_ACTIONS.contains(action)) {
            return Reason.NO_RESOURCE_BASED_POLICY_ALLOWS;
        }
        boolean identityAllows = principal.isRoot() || identity.allowed();
        boolean keyPolicyAllowsOutright = resource.allowed() && !resource.allowedOnlyThroughAccount();
        if (resource.allowed() && (identityAllows || ownAccount && keyPolicyAllowsOutright)) {
            return null;
        }
        if (GrantAuthority.allows(store.grantsOf(key.scope(), key.keyId()), principal, identityAllows, action,
                requester.facts().encryptionContext(action), child)) {
            return null;
        }
        return resource.allowed() ? Reason.NO_IDENTITY_BASED_POLICY_ALLOWS : Reason.NO_RESOURCE_BASED_POLICY_ALLOWS;
    }

    private RequestContext context(Requester requester, RequestPrincipal principal, String action, String resource,
            KmsKey key, List<String> aliases) {
        RequestContext.Builder context = RequestContext.builder()
                .principal(principal)
                .action(action)
                .resource(resource);
        if (key != null) {
            context.key("kms:KeySpec", key.spec().name())
                    .key("kms:CustomerMasterKeySpec", key.spec().name())
                    .key("kms:KeyUsage", key.usage().name())
                    .key("kms:CustomerMasterKeyUsage", key.usage().name())
                    .key("kms:KeyOrigin", key.origin().name())
                    .key("kms:MultiRegion", Boolean.toString(key.isMultiRegion()))
                    .key(RESOURCE_ALIASES, aliases);
            if (key.isMultiRegion()) {
                context.key("kms:MultiRegionKeyType", key.multiRegion().type().name());
            }
            for (Tag tag : key.tags()) {
                context.key("aws:ResourceTag/" + tag.key(), tag.value());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        context.key("kms:CallerAccount", principal.account())
                .key("aws:CurrentTime", now.toString())
                .key("aws:EpochTime", Long.toString(now.getEpochSecond()))
                .key("aws:RequestedRegion", requester.region());
        for (Map.Entry<String, List<String>> entry : requester.facts().conditions(action).entrySet()) {
            context.key(entry.getKey(), entry.getValue());
        }
        return context.build();
    }

    private Evaluation identity(Requester requester, RequestContext context) {
        return evaluate(identityDocuments(requester), context);
    }

    private static Evaluation evaluate(List<PolicyDocument> documents, RequestContext context) {
        List<Evaluation> evaluations = new ArrayList<>(documents.size());
        for (PolicyDocument document : documents) {
            evaluations.add(document.evaluate(context));
        }
        return Evaluation.combine(evaluations);
    }

    /** The caller's identity policies, parsed (they were checked when the credentials file was read). */
    private static List<PolicyDocument> identityDocuments(Requester requester) {
        List<PolicyDocument> documents = new ArrayList<>(requester.identityPolicies().size());
        for (String json : requester.identityPolicies()) {
            documents.add(POLICIES.get(json, PolicyKind.IDENTITY));
        }
        return documents;
    }

    private static boolean anyDocument(PolicyDocument keyPolicy, List<PolicyDocument> identityPolicies,
            Predicate<PolicyDocument> test) {
        if (test.test(keyPolicy)) {
            return true;
        }
        for (PolicyDocument document : identityPolicies) {
            if (test.test(document)) {
                return true;
            }
        }
        return false;
    }

    static KmsException denied(Requester requester, String action, String resource, Reason reason) {
        return new KmsException(ErrorCode.ACCESS_DENIED,
                AccessDeniedMessage.of(requester.principal(), action, resource, reason));
    }
}
