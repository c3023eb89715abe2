package dev.trent.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The principals of a Principal or NotPrincipal element, pre-sorted for matching. IAM User Guide,
 * "AWS JSON policy elements: Principal": {@code "*"} and {@code {"AWS": "*"}} are everyone; an
 * account id stands for {@code arn:aws:iam::ACCOUNT:root}, which in a resource-based policy grants
 * to the account (its IAM policies then decide); "You cannot use a wildcard to match part of a
 * principal name or ARN"; a role ARN applies to the role's assumed-role sessions.
 */
final class PrincipalSet {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROOT = Pattern.compile("arn:[a-z-]+:iam::(\\d{12}):root");
    static final Pattern ROLE = Pattern.compile("arn:[a-z-]+:iam::(\\d{12}):role/(?:[^*?]*/)?([^/*?]+)");
    private static final Pattern IAM_ARN = Pattern.compile("arn:[a-z-]+:(iam|sts)::\\d{12}:[^*?]+");

    private boolean anyone;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> arns = new HashSet<>();
    private final Map<String, Set<String>> roles = new HashMap<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();

    static PrincipalSet parse(JsonNode node) {
        PrincipalSet set = new PrincipalSet();
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw invalid("a Principal string must be \"*\": " + node);
            }
            set.anyone = true;
            return set;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalid("a Principal must be \"*\" or an object of principal types: " + node);
        }
        for (Map.Entry<String, JsonNode> type : node.properties()) {
            for (String value : PolicyParser.strings(type.getValue(), "Principal", true)) {
                switch (type.getKey()) {
                    case "AWS" -> set.addAws(value);
                    case "Service" -> set.services.add(requireName(value));
                    case "Federated" -> set.federated.add(requireName(value));
                    default -> throw invalid("unknown principal type " + type.getKey());
                }
            }
        }
        return set;
    }

    private void addAws(String value) {
        if (value.equals("*")) {
            anyone = true;
            return;
        }
        if (ACCOUNT.matcher(value).matches()) {
            accounts.add(value);
            return;
        }
        var root = ROOT.matcher(value);
        if (root.matches()) {
            accounts.add(root.group(1));
            return;
        }
        if (!IAM_ARN.matcher(value).matches()) {
            throw invalid("not an account id or IAM ARN: " + value);
        }
        arns.add(value);
        var role = ROLE.matcher(value);
        if (role.matches()) {
            roles.computeIfAbsent(role.group(1), a -> new HashSet<>()).add(role.group(2));
        }
    }

    private static String requireName(String value) {
        if (value.isEmpty() || (value.contains("*") && !value.equals("*"))) {
            throw invalid("not a principal name: " + value);
        }
        return value;
    }

    private static MalformedPolicyException invalid(String detail) {
        return new MalformedPolicyException(MalformedPolicyException.INVALID_PRINCIPALS, detail);
    }

    /** How this set names the caller, or null when it does not. */
    PrincipalMatch match(RequestPrincipal p) {
        if (anyone) {
            return PrincipalMatch.ANYONE;
        }
        switch (p.type()) {
            case SERVICE:
                return services.contains(p.name()) || services.contains("*") ? PrincipalMatch.EXACT : null;
            case FEDERATED:
                return federated.contains(p.name()) || federated.contains("*") ? PrincipalMatch.EXACT : null;
            default:
                if (arns.contains(p.name()) || namesSessionRole(p)) {
                    return PrincipalMatch.EXACT;
                }
                return accounts.contains(p.account()) ? PrincipalMatch.ACCOUNT : null;
        }
    }

    /**
     * NotPrincipal: the caller is excluded only when the identities AWS checks for it are all listed
     * (NotPrincipal page: "you must also specify the account ARN of the principal that you do not want
     * to deny"; for an assumed-role session AWS checks "the account, then the role, and then the
     * assumed-role user"). Choice where the page is vague: a session is excluded when its account and
     * either its role or its own session ARN are listed.
     */
    boolean excludes(RequestPrincipal p) {
        if (anyone) {
            return true;
        }
        if (p.type() != RequestPrincipal.Type.AWS) {
            return match(p) != null;
        }
        if (!accounts.contains(p.account())) {
            return false;
        }
        if (p.isRoot()) {
            return true;
        }
        return arns.contains(p.name()) || namesSessionRole(p);
    }

    private boolean namesSessionRole(RequestPrincipal p) {
        String role = p.assumedRoleName();
        return role != null && roles.getOrDefault(p.account(), Set.of()).contains(role);
    }
}
