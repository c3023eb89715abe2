package dev.trent.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A policy string that may hold policy variables ({@code ${aws:username}}, {@code ${kms:...}},
 * {@code ${aws:username, 'default'}}, and the literals {@code ${*}} {@code ${?}} {@code ${$}}).
 * AWS substitutes variables only in documents of Version 2012-10-17; in older ones the text is
 * literal. A substituted value is literal text: its {@code *} and {@code ?} are no wildcards.
 * <p>
 * Source: IAM User Guide, "IAM policy elements: Variables and tags" (reference_policies_variables):
 * special characters, default values "surround the default value with single quotes ... separate
 * the variable text and the default value with a comma and space", keys are case-insensitive; "If AWS
 * cannot resolve a variable this might cause the entire statement to be invalid": an unresolved
 * variable without default (or a multi-valued key) makes its Resource or condition value match nothing.
 */
final class Template {
    /** One piece: literal text (its wildcards active or not), or a variable to look up. */
    private record Part(String text, boolean wildcards, String variable, String fallback) {
    }

    private final String source;
    private final List<Part> parts;
    private final int[] constant;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        this.constant = parts.stream().anyMatch(p -> p.variable() != null) ? null : join(parts, null);
    }

    static Template parse(String text, boolean variables) {
        List<Part> parts = new ArrayList<>();
        if (!variables) {
            parts.add(new Part(text, true, null, null));
            return new Template(text, parts);
        }
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = text.startsWith("${", i) ? closing(text, i + 2) : -1;
            if (end < 0) {
                literal.append(text.charAt(i++));
                continue;
            }
            if (literal.length() > 0) {
                parts.add(new Part(literal.toString(), true, null, null));
                literal.setLength(0);
            }
            String inside = text.substring(i + 2, end);
            String trimmed = inside.trim();
            if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
                parts.add(new Part(trimmed, false, null, null));
            } else {
                int comma = inside.indexOf(',');
                String key = (comma < 0 ? inside : inside.substring(0, comma)).trim();
                String fallback = null;
                if (comma >= 0) {
                    String rest = inside.substring(comma + 1).trim();
                    if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                        fallback = rest.substring(1, rest.length() - 1).replace("''", "'");
                    } else {
                        throw new MalformedPolicyException("policy variable default value must be in single quotes: " + text);
                    }
                }
                if (key.isEmpty()) {
                    throw new MalformedPolicyException("empty policy variable in " + text);
                }
                parts.add(new Part(null, false, key, fallback));
            }
            i = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), true, null, null));
        }
        return new Template(text, parts);
    }

    /** The closing brace of a variable, skipping a quoted default value. */
    private static int closing(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            } else if (c == '{' && !quoted) {
                return -1;
            }
        }
        return -1;
    }

    String source() {
        return source;
    }

    boolean hasVariables() {
        return constant == null;
    }

    /** The pattern elements (see {@link Glob}) for this request, or empty when a variable has no value. */
    Optional<int[]> elements(RequestContext request) {
        if (constant != null) {
            return Optional.of(constant);
        }
        return Optional.ofNullable(join(parts, request));
    }

    /** The text with variables substituted and wildcards as written, or empty when a variable has no value. */
    Optional<String> text(RequestContext request) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            String value = part.variable() == null ? part.text() : resolve(part, request);
            if (value == null) {
                return Optional.empty();
            }
            out.append(value);
        }
        return Optional.of(out.toString());
    }

    private static int[] join(List<Part> parts, RequestContext request) {
        List<int[]> pieces = new ArrayList<>();
        int length = 0;
        for (Part part : parts) {
            int[] piece;
            if (part.variable() == null) {
                piece = Glob.elements(part.text(), part.wildcards());
            } else {
                String value = resolve(part, request);
                if (value == null) {
                    return null;
                }
                piece = Glob.elements(value, false);
            }
            pieces.add(piece);
            length += piece.length;
        }
        int[] out = new int[length];
        int at = 0;
        for (int[] piece : pieces) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        return out;
    }

    /** A variable's value: a single-valued request key, else the default; a multi-valued key has none. */
    private static String resolve(Part part, RequestContext request) {
        List<String> values = request.values(part.variable());
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        return part.fallback();
    }
}
