package dev.trent.policy;

import java.util.List;

/** One parsed statement. A null principal set means the statement has none (identity policies). */
record Statement(int index, String sid, Effect effect, PrincipalSet principals, boolean notPrincipal,
                 List<Glob> actions, boolean notAction, List<ArnPattern> resources, boolean notResource,
                 List<Condition> conditions) {

    /** How the statement's principal names the caller, or null when the statement does not apply to it. */
    PrincipalMatch principalMatch(RequestContext request) {
        if (principals == null) {
            return PrincipalMatch.ATTACHED;
        }
        if (request.principal() == null) {
            return null;
        }
        if (notPrincipal) {
            return principals.excludes(request.principal()) ? null : PrincipalMatch.NOT_PRINCIPAL;
        }
        return principals.match(request.principal());
    }

    boolean appliesTo(RequestContext request) {
        return actionMatches(request.action()) && resourceMatches(request) && conditionsHold(request);
    }

    private boolean actionMatches(String action) {
        boolean any = false;
        for (Glob glob : actions) {
            if (glob.matches(action)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    private boolean resourceMatches(RequestContext request) {
        if (resources == null) {
            return true;
        }
        boolean any = false;
        for (ArnPattern pattern : resources) {
            if (pattern.matches(request.resource(), request)) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    private boolean conditionsHold(RequestContext request) {
        for (Condition condition : conditions) {
            if (!condition.holds(request)) {
                return false;
            }
        }
        return true;
    }
}
