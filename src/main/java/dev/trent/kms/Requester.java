package dev.trent.kms;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who makes a request, as the domain decides access on it: the account and Region it acts in, the
 * IAM principal acting, that principal's identity policies, the grant tokens it presents and what the
 * request says that policies may test.
 *
 * @param scope the caller's account and Region: where bare key ids and alias names are looked up
 * @param principal the acting IAM ARN ({@code arn:aws:iam::111122223333:role/app}, or the account's root)
 * @param identityPolicies the principal's IAM identity policy documents (JSON)
 * @param requestFacts what the request says that policies may test, gathered at its first use: most
 *     requests meet no policy or grant that reads any (see {@link #facts()})
 */
public record Requester(Scope scope, String principal, List<String> identityPolicies, List<String> grantTokens,
        Supplier<RequestFacts> requestFacts) {

    public Requester {
        identityPolicies = List.copyOf(identityPolicies);
        grantTokens = List.copyOf(grantTokens);
        requestFacts = requestFacts instanceof Once ? requestFacts : new Once(requestFacts);
    }

    public Requester(Scope scope, String principal, List<String> identityPolicies, List<String> grantTokens,
            RequestFacts facts) {
        this(scope, principal, identityPolicies, grantTokens, () -> facts);
    }

    /** What the request says that policies may test, gathered now if nothing asked before. */
    public RequestFacts facts() {
        return requestFacts.get();
    }

    /** Gathers the facts once; two threads racing would each gather the same immutable facts. */
    private static final class Once implements Supplier<RequestFacts> {
        private final Supplier<RequestFacts> source;
        private RequestFacts facts;

        Once(Supplier<RequestFacts> source) {
            this.source = source;
        }

        @Override
        public RequestFacts get() {
            RequestFacts known = facts;
            if (known == null) {
                known = source.get();
                facts = known;
            }
            return known;
        }
    }

    /** The account's root, asking nothing in particular: for work Trent does on its own account. */
    public static Requester root(Scope scope) {
        return new Requester(scope, scope.rootPrincipal(), List.of(), List.of(), RequestFacts.NONE);
    }

    /** This requester, its request having one more condition key that holds for the whole request. */
    public Requester withFact(String conditionKey, String value) {
        Supplier<RequestFacts> before = requestFacts;
        return new Requester(scope, principal, identityPolicies, grantTokens,
                () -> before.get().with(conditionKey, List.of(value)));
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
