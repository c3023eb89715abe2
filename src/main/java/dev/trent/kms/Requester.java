package dev.trent.kms;

import java.util.List;

/**
 * Who makes a request, as the domain decides access on it: the account and Region it acts in, the
 * IAM principal acting, that principal's identity policies, the grant tokens it presents and what the
 * request says that policies may test.
 *
 * @param scope the caller's account and Region: where bare key ids and alias names are looked up
 * @param principal the acting IAM ARN ({@code arn:aws:iam::111122223333:role/app}, or the account's root)
 * @param identityPolicies the principal's IAM identity policy documents (JSON)
 */
public record Requester(Scope scope, String principal, List<String> identityPolicies, List<String> grantTokens,
        RequestFacts facts) {

    public Requester {
        identityPolicies = List.copyOf(identityPolicies);
        grantTokens = List.copyOf(grantTokens);
    }

    /** The account's root, asking nothing in particular: for work Trent does on its own account. */
    public static Requester root(Scope scope) {
        return new Requester(scope, scope.rootPrincipal(), List.of(), List.of(), RequestFacts.NONE);
    }

    /** This requester, its request having one more condition key that holds for the whole request. */
    public Requester withFact(String conditionKey, String value) {
        return new Requester(scope, principal, identityPolicies, grantTokens, facts.with(conditionKey, List.of(value)));
    }

    public String account() {
        return scope.account();
    }

    public String region() {
        return scope.region();
    }

    public String partition() {
        return scope.partition();
    }
}
