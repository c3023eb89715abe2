package dev.trent.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * AWS's ARN matching, used for Resource / NotResource and the Arn condition operators: "Each of the
 * six colon-delimited components of the ARN is checked separately and each can include multi-character
 * match wildcards (*) or single-character match wildcards (?)" (IAM User Guide, Condition operators,
 * ARN condition operators). The sixth component is everything after the fifth colon, so a wildcard
 * there also matches colons. A lone {@code *} matches any resource.
 */
final class ArnPattern {
    private static final int SEGMENTS = 6;

    private final Template template;
    private final Glob[] constant;
    private final boolean everything;

    ArnPattern(Template template) {
        this.template = template;
        this.everything = !template.hasVariables() && template.source().equals("*");
        this.constant = template.hasVariables() || everything ? null
                : compile(template.elements(null).orElseThrow()).orElse(null);
    }

    /** Whether matching reads the request's context (a policy variable such as ${aws:username}). */
    boolean hasVariables() {
        return template.hasVariables();
    }

    /** A Resource element must be {@code *} or an ARN (checked where the value is a constant). */
    boolean wellFormed() {
        return everything || template.hasVariables() || constant != null;
    }

    boolean matches(String arn, RequestContext request) {
        if (everything) {
            return true;
        }
        Glob[] globs = constant;
        if (globs == null) {
            Optional<int[]> elements = template.elements(request);
            if (elements.isEmpty()) {
                return false;
            }
            int[] e = elements.get();
            if (e.length == 1 && e[0] == Glob.STAR) {
                return true;
            }
            Optional<Glob[]> compiled = compile(e);
            if (compiled.isEmpty()) {
                return false;
            }
            globs = compiled.get();
        }
        String[] parts = split(arn);
        if (parts == null) {
            return false;
        }
        for (int i = 0; i < SEGMENTS; i++) {
            if (!globs[i].matches(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Glob[]> compile(int[] elements) {
        Glob[] globs = new Glob[SEGMENTS];
        int start = 0;
        int segment = 0;
        for (int i = 0; i < elements.length && segment < SEGMENTS - 1; i++) {
            if (elements[i] == ':') {
                globs[segment++] = new Glob(Arrays.copyOfRange(elements, start, i), false);
                start = i + 1;
            }
        }
        if (segment != SEGMENTS - 1) {
            return Optional.empty();
        }
        globs[segment] = new Glob(Arrays.copyOfRange(elements, start, elements.length), false);
        if (!globs[0].matches("arn")) {
            return Optional.empty();
        }
        return Optional.of(globs);
    }

    static String[] split(String arn) {
        String[] parts = arn.split(":", SEGMENTS);
        return parts.length == SEGMENTS ? parts : null;
    }
}
