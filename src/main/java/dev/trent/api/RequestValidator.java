package dev.trent.api;

import dev.trent.api.Constraints.Constraint;
import dev.trent.kms.KmsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Checks a request against AWS's constraints and answers as AWS does: {@code ValidationException},
 * "N validation error(s) detected: Value 'V' at 'member' failed to satisfy constraint: ...", each
 * violation separated by "; ".
 */
final class RequestValidator {
    private final Constraints constraints;

    RequestValidator(Constraints constraints) {
        this.constraints = constraints;
    }

    void validate(SdkPojo request) {
        List<String> violations = new ArrayList<>();
        structure(request, request.getClass().getSimpleName(), "", violations);
        if (!violations.isEmpty()) {
            String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
            throw KmsException.validation(count + " detected: " + String.join("; ", violations));
        }
    }

    private void structure(SdkPojo pojo, String shape, String prefix, List<String> violations) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Constraint constraint = constraints.of(shape, field.memberName());
            if (constraint != null) {
                member(constraint, field.getValueOrDefault(pojo), prefix, field.memberName(), violations);
            }
        }
    }

    /** The member's path ({@link #path}) is put together only when a message or a nested member needs it. */
    private void member(Constraint c, Object value, String prefix, String memberName, List<String> violations) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            if (c.required()) {
                violations.add("Value null at '" + path(prefix, memberName) + "' failed to satisfy constraint: Member must not be null");
            }
            return;
        }
        String failure = failure(c, value);
        if (failure != null) {
            String shown = c.hidden() ? "Value" : "Value '" + render(value) + "'";
            violations.add(shown + " at '" + path(prefix, memberName) + "' failed to satisfy constraint: " + failure);
            return;
        }
        if (value instanceof List<?> list && c.member() != null) {
            for (int i = 0; i < list.size(); i++) {
                member(c.member(), list.get(i), path(prefix, memberName) + "." + (i + 1) + ".", "member", violations);
            }
        } else if (value instanceof SdkPojo nested && c.shape() != null) {
            structure(nested, c.shape(), path(prefix, memberName) + ".", violations);
        }
    }

    /** The first constraint the value breaks, in AWS's words, or null. */
    private static String failure(Constraint c, Object value) {
        if (value instanceof Number number) {
            long n = number.longValue();
            if (c.min() != null && n < c.min()) {
                return "Member must have value greater than or equal to " + c.min();
            }
            if (c.max() != null && n > c.max()) {
                return "Member must have value less than or equal to " + c.max();
            }
            return null;
        }
        long length = length(value);
        if (c.min() != null && length < c.min()) {
            return "Member must have length greater than or equal to " + c.min();
        }
        if (c.max() != null && length > c.max()) {
            return "Member must have length less than or equal to " + c.max();
        }
        if (value instanceof String text) {
            if (c.pattern() != null && !c.pattern().matcher(text).matches()) {
                return "Member must satisfy regular expression pattern: " + c.pattern().pattern();
            }
            if (c.enumValues() != null && !c.enumValues().contains(text)) {
                return "Member must satisfy enum value set: [" + String.join(", ", c.enumValues()) + "]";
            }
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String keyFailure = c.key() == null ? null : failure(c.key(), entry.getKey());
                if (keyFailure != null) {
                    return "Map keys must satisfy constraint: [" + keyFailure + "]";
                }
                String valueFailure = c.value() == null ? null : failure(c.value(), entry.getValue());
                if (valueFailure != null) {
                    return "Map value must satisfy constraint: [" + valueFailure + "]";
                }
            }
        }
        return null;
    }

    private static long length(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteArrayUnsafe().length;
        }
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return 0;
    }

    /** A value as AWS's (Java) service prints it in a validation message. */
    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(RequestValidator::render).toList().toString();
        }
        return String.valueOf(value);
    }

    /** As AWS names a member in its messages: {@code keyId}, {@code tags.1.member.tagKey}. */
    private static String path(String prefix, String memberName) {
        return prefix + lowerFirst(memberName);
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
