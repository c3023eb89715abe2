package dev.trent.policy;

import java.util.List;

/**
 * An immutable, pre-parsed IAM policy document. Parse once (or through {@link PolicyCache}), then
 * {@link #evaluate(RequestContext)} as often as needed: no JSON is read on that path.
 */
public final class PolicyDocument {
    private final String text;
    private final PolicyKind kind;
    private final String version;
    private final String id;
    private final List<Statement> statements;
    private final boolean readsConditionKeys;

    PolicyDocument(String text, PolicyKind kind, String version, String id, List<Statement> statements) {
        this.text = text;
        this.kind = kind;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
        this.readsConditionKeys = this.statements.stream().anyMatch(statement -> !statement.conditions().isEmpty()
                || statement.resources().stream().anyMatch(ArnPattern::hasVariables));
    }

    /** A resource-based policy (a key policy). */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.RESOURCE);
    }

    /** @throws MalformedPolicyException when AWS would refuse the document */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        if (json == null) {
            throw new MalformedPolicyException("no policy document");
        }
        return PolicyParser.parse(json, kind);
    }

    public String text() {
        return text;
    }

    public PolicyKind kind() {
        return kind;
    }

    /** "2012-10-17" or "2008-10-17" (a document without Version is 2008-10-17, as AWS treats it). */
    public String version() {
        return version;
    }

    public String id() {
        return id;
    }

    /**
     * Whether a condition of the document tests this key (case-insensitive, as AWS's key names): lets
     * the caller skip gathering a value that costs a lookup, such as a key's aliases.
     */
    public boolean testsKey(String conditionKey) {
        String wanted = RequestContext.normalize(conditionKey);
        for (Statement statement : statements) {
            for (Condition condition : statement.conditions()) {
                if (RequestContext.normalize(condition.key()).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether evaluating the document reads any condition key (a Condition, or a policy variable in a
     * Resource): when none does, a caller can skip gathering them, most of an evaluation's cost.
     */
    public boolean readsConditionKeys() {
        return readsConditionKeys;
    }

    public int statementCount() {
        return statements.size();
    }

    /**
     * This document's decision: DENY when a Deny statement applies, else ALLOW when an Allow statement
     * applies, else NOT_APPLICABLE (AWS's implicit deny).
     */
    public Evaluation evaluate(RequestContext request) {
        Evaluation allow = Evaluation.NOT_APPLICABLE;
        for (Statement statement : statements) {
            PrincipalMatch principal = statement.principalMatch(request);
            if (principal == null || !statement.appliesTo(request)) {
                continue;
            }
            MatchedStatement matched = new MatchedStatement(statement.index(), statement.sid(), statement.effect(), principal);
            if (statement.effect() == Effect.DENY) {
                return new Evaluation(Decision.DENY, matched);
            }
            Evaluation candidate = new Evaluation(Decision.ALLOW, matched);
            if (!allow.allowed() || allow.allowedOnlyThroughAccount() && !candidate.allowedOnlyThroughAccount()) {
                allow = candidate;
            }
        }
        return allow;
    }

    public boolean allows(RequestContext request) {
        return evaluate(request).allowed();
    }
}
