package dev.trent.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JSON text to the pre-parsed statements, refusing what AWS refuses (IAM User Guide, "IAM JSON policy element reference" and its grammar page). */
final class PolicyParser {
    static final String VERSION_2012 = "2012-10-17";
    static final String VERSION_2008 = "2008-10-17";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    static PolicyDocument parse(String text, PolicyKind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyException("not a JSON document: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPolicyException("a policy must be a JSON object");
        }
        unknownFields(root, TOP_LEVEL, "policy");
        String version = VERSION_2008;
        JsonNode v = root.get("Version");
        if (v != null) {
            if (!v.isTextual() || !(v.asText().equals(VERSION_2012) || v.asText().equals(VERSION_2008))) {
                throw new MalformedPolicyException("Version must be \"2012-10-17\" or \"2008-10-17\": " + v);
            }
            version = v.asText();
        }
        JsonNode id = root.get("Id");
        if (id != null && !id.isTextual()) {
            throw new MalformedPolicyException("Id must be a string");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null) {
            throw new MalformedPolicyException("a policy needs a Statement");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(nodes::add);
        } else {
            nodes.add(statements);
        }
        if (nodes.isEmpty()) {
            throw new MalformedPolicyException("a policy needs at least one statement");
        }
        boolean variables = version.equals(VERSION_2012);
        List<Statement> parsed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            parsed.add(statement(i, nodes.get(i), kind, variables));
        }
        return new PolicyDocument(text, kind, version, id == null ? null : id.asText(), parsed);
    }

    private static Statement statement(int index, JsonNode node, PolicyKind kind, boolean variables) {
        if (!node.isObject()) {
            throw new MalformedPolicyException("statement " + index + " is not an object");
        }
        unknownFields(node, STATEMENT, "statement");
        JsonNode sid = node.get("Sid");
        if (sid != null && !sid.isTextual()) {
            throw new MalformedPolicyException("Sid must be a string");
        }
        JsonNode effectNode = node.get("Effect");
        Effect effect;
        if (effectNode != null && effectNode.asText().equals("Allow") && effectNode.isTextual()) {
            effect = Effect.ALLOW;
        } else if (effectNode != null && effectNode.asText().equals("Deny") && effectNode.isTextual()) {
            effect = Effect.DENY;
        } else {
            throw new MalformedPolicyException("statement " + index + ": Effect must be \"Allow\" or \"Deny\"");
        }

        JsonNode principal = node.get("Principal");
        JsonNode notPrincipal = node.get("NotPrincipal");
        PrincipalSet principals = null;
        if (principal != null && notPrincipal != null) {
            throw new MalformedPolicyException("statement " + index + " has both Principal and NotPrincipal");
        }
        if (kind == PolicyKind.IDENTITY && (principal != null || notPrincipal != null)) {
            throw new MalformedPolicyException("an identity policy must not have a Principal or NotPrincipal");
        }
        if (kind == PolicyKind.RESOURCE) {
            if (principal == null && notPrincipal == null) {
                throw new MalformedPolicyException(MalformedPolicyException.INVALID_PRINCIPALS,
                        "statement " + index + " has no Principal");
            }
            principals = PrincipalSet.parse(principal != null ? principal : notPrincipal);
        }

        List<Glob> actions = actions(node, index);
        List<ArnPattern> resources = resources(node, index, variables);
        List<Condition> conditions = conditions(node.get("Condition"), index, variables);
        return new Statement(index, sid == null ? null : sid.asText(), effect, principals, notPrincipal != null,
                actions, node.has("NotAction"), resources, node.has("NotResource"), conditions);
    }

    /** Actions match case-insensitively ("service prefix and action name are case-insensitive", Action element page). */
    private static List<Glob> actions(JsonNode node, int index) {
        JsonNode action = node.get("Action");
        JsonNode notAction = node.get("NotAction");
        if ((action == null) == (notAction == null)) {
            throw new MalformedPolicyException("statement " + index + " needs exactly one of Action and NotAction");
        }
        List<Glob> globs = new ArrayList<>();
        for (String value : strings(action != null ? action : notAction, "Action", false)) {
            if (!value.equals("*") && !value.matches("[A-Za-z0-9*?-]+:[^:]+")) {
                throw new MalformedPolicyException("statement " + index + ": an action must be \"*\" or service:action: " + value);
            }
            globs.add(Glob.of(value, true));
        }
        return globs;
    }

    private static List<ArnPattern> resources(JsonNode node, int index, boolean variables) {
        JsonNode resource = node.get("Resource");
        JsonNode notResource = node.get("NotResource");
        if (resource != null && notResource != null) {
            throw new MalformedPolicyException("statement " + index + " has both Resource and NotResource");
        }
        if (resource == null && notResource == null) {
            throw new MalformedPolicyException("statement " + index + " needs a Resource or NotResource");
        }
        List<ArnPattern> patterns = new ArrayList<>();
        for (String value : strings(resource != null ? resource : notResource, "Resource", false)) {
            ArnPattern pattern = new ArnPattern(Template.parse(value, variables));
            if (!pattern.wellFormed()) {
                throw new MalformedPolicyException("statement " + index + ": a resource must be \"*\" or an ARN: " + value);
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    private static List<Condition> conditions(JsonNode block, int index, boolean variables) {
        List<Condition> out = new ArrayList<>();
        if (block == null) {
            return out;
        }
        if (!block.isObject()) {
            throw new MalformedPolicyException("statement " + index + ": Condition must be an object");
        }
        for (Map.Entry<String, JsonNode> op : block.properties()) {
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw new MalformedPolicyException("statement " + index + ": " + op.getKey() + " must map condition keys to values");
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                out.add(condition(index, op.getKey(), key.getKey(), key.getValue(), variables));
            }
        }
        return out;
    }

    private static Condition condition(int index, String name, String key, JsonNode valueNode, boolean variables) {
        String rest = name;
        Condition.Qualifier qualifier = Condition.Qualifier.NONE;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("foranyvalue:")) {
            qualifier = Condition.Qualifier.FOR_ANY_VALUE;
            rest = name.substring("ForAnyValue:".length());
        } else if (lower.startsWith("forallvalues:")) {
            qualifier = Condition.Qualifier.FOR_ALL_VALUES;
            rest = name.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.toLowerCase(Locale.ROOT).endsWith("ifexists");
        Operator operator = Operator.named(ifExists ? rest.substring(0, rest.length() - "IfExists".length()) : rest);
        if (operator == null) {
            throw new MalformedPolicyException("statement " + index + ": unknown condition operator " + name);
        }
        if (operator == Operator.NULL && (ifExists || qualifier != Condition.Qualifier.NONE)) {
            throw new MalformedPolicyException("statement " + index + ": Null takes neither IfExists nor a set qualifier: " + name);
        }
        if (key.isBlank()) {
            throw new MalformedPolicyException("statement " + index + ": empty condition key in " + name);
        }
        List<String> values = strings(valueNode, name + " " + key, false);
        List<ValueTest> tests = new ArrayList<>();
        if (operator == Operator.NULL) {
            for (String value : values) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new MalformedPolicyException("statement " + index + ": Null takes \"true\" or \"false\": " + value);
                }
            }
        } else {
            boolean vars = variables && operator.family.variables();
            for (String value : values) {
                tests.add(ValueTest.compile(operator, value, vars));
            }
        }
        return new Condition(qualifier, operator, ifExists, key, values, tests);
    }

    /** A string or a non-empty array of strings; condition values may also be JSON numbers or booleans. */
    static List<String> strings(JsonNode node, String element, boolean principal) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.add(scalar(item, element, principal));
            }
        } else {
            out.add(scalar(node, element, principal));
        }
        if (out.isEmpty()) {
            throw malformed(element + " must not be empty", principal);
        }
        return out;
    }

    private static String scalar(JsonNode node, String element, boolean principal) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw malformed(element + " must hold strings: " + node, principal);
    }

    private static MalformedPolicyException malformed(String detail, boolean principal) {
        return principal ? new MalformedPolicyException(MalformedPolicyException.INVALID_PRINCIPALS, detail)
                : new MalformedPolicyException(detail);
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new MalformedPolicyException("unknown " + what + " element " + name);
            }
        }
    }
}
