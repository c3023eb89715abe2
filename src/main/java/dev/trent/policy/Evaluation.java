package dev.trent.policy;

import java.util.List;

/**
 * The result of evaluating one or several documents. {@link #statement()} is the statement that
 * decided (null for NOT_APPLICABLE): the first explicit Deny, else the allowing statement, preferring
 * one that names the caller itself over one that only names its account, so that the wiring can tell
 * whether a key policy allows the caller outright or delegates to the account's IAM policies.
 */
public record Evaluation(Decision decision, MatchedStatement statement) {
    public static final Evaluation NOT_APPLICABLE = new Evaluation(Decision.NOT_APPLICABLE, null);

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    public boolean denied() {
        return decision == Decision.DENY;
    }

    /** The Allow came only through an account principal: AWS then also needs the caller's IAM policy (unless the caller is that root). */
    public boolean allowedOnlyThroughAccount() {
        return allowed() && statement.principalMatch() == PrincipalMatch.ACCOUNT;
    }

    /**
     * Several documents together, as AWS's evaluation logic (IAM User Guide, "Policy evaluation logic"):
     * an explicit deny in any of them wins, then an allow in any of them; else an implicit deny.
     */
    public static Evaluation combine(List<Evaluation> evaluations) {
        Evaluation best = NOT_APPLICABLE;
        for (Evaluation e : evaluations) {
            if (e.denied()) {
                return e;
            }
            if (e.allowed() && (!best.allowed() || best.allowedOnlyThroughAccount() && !e.allowedOnlyThroughAccount())) {
                best = e;
            }
        }
        return best;
    }

    public static Evaluation combine(Evaluation... evaluations) {
        return combine(List.of(evaluations));
    }
}
