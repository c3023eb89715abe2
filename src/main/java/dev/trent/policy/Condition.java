package dev.trent.policy;

import java.util.List;

/**
 * One operator applied to one key with its values. Semantics from the IAM User Guide:
 * <ul>
 * <li>"Condition operators": a key absent from the request makes a condition false, except that a
 * negated operator (StringNotLike, ArnNotLike, ...) is then true; ...IfExists is true when the key is
 * absent; Null tests presence ("true": the key is absent).</li>
 * <li>"Conditions with multiple context keys or values": the values of one key are ORed (NOR for a
 * negated operator); ForAnyValue is true when at least one request value matches, false for an absent
 * key; ForAllValues is true when every request value matches, and true for an absent key.</li>
 * </ul>
 */
record Condition(Qualifier qualifier, Operator operator, boolean ifExists, String key, List<String> rawValues,
                 List<ValueTest> tests) {

    enum Qualifier {
        NONE,
        FOR_ANY_VALUE,
        FOR_ALL_VALUES
    }

    boolean holds(RequestContext request) {
        List<String> values = request.values(key);
        boolean present = values != null && !values.isEmpty();
        if (operator == Operator.NULL) {
            return rawValues.stream().anyMatch(v -> v.equalsIgnoreCase("true") != present);
        }
        if (!present) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        boolean negated = operator.negated();
        return switch (qualifier) {
            case NONE -> {
                boolean any = values.stream().anyMatch(v -> matchesAnyPolicyValue(v, request));
                yield negated != any;
            }
            case FOR_ANY_VALUE -> values.stream().anyMatch(v -> negated != matchesAnyPolicyValue(v, request));
            case FOR_ALL_VALUES -> values.stream().allMatch(v -> negated != matchesAnyPolicyValue(v, request));
        };
    }

    private boolean matchesAnyPolicyValue(String requestValue, RequestContext request) {
        for (ValueTest test : tests) {
            if (test.test(requestValue, request)) {
                return true;
            }
        }
        return false;
    }
}
