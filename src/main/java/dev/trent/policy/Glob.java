package dev.trent.policy;

import java.util.Arrays;

/**
 * A compiled wildcard pattern: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one. Held as code units with two markers so that a character that came from a policy variable
 * ({@code ${*}} or a substituted value) stays a literal. Matching is linear backtracking on the last
 * star, never a regular expression, so no pattern can make it slow.
 */
final class Glob {
    static final int STAR = -1;
    static final int ANY_ONE = -2;

    private final int[] elements;
    private final boolean ignoreCase;
    private final boolean wildcards;

    Glob(int[] elements, boolean ignoreCase) {
        this.elements = ignoreCase ? lower(elements) : elements;
        this.ignoreCase = ignoreCase;
        this.wildcards = Arrays.stream(elements).anyMatch(e -> e < 0);
    }

    /** A pattern whose every {@code *} and {@code ?} is a wildcard. */
    static Glob of(String pattern, boolean ignoreCase) {
        return new Glob(elements(pattern, true), ignoreCase);
    }

    static int[] elements(String text, boolean wildcards) {
        int[] out = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = wildcards && c == '*' ? STAR : wildcards && c == '?' ? ANY_ONE : c;
        }
        return out;
    }

    boolean matchesEverything() {
        return elements.length == 1 && elements[0] == STAR;
    }

    boolean matches(String text) {
        if (!wildcards) {
            if (text.length() != elements.length) {
                return false;
            }
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] != fold(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < elements.length && (elements[p] == ANY_ONE || elements[p] == fold(text.charAt(t)))) {
                p++;
                t++;
            } else if (p < elements.length && elements[p] == STAR) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == STAR) {
            p++;
        }
        return p == elements.length;
    }

    private int fold(char c) {
        return ignoreCase ? Character.toLowerCase(c) : c;
    }

    private static int[] lower(int[] elements) {
        int[] out = new int[elements.length];
        for (int i = 0; i < elements.length; i++) {
            out[i] = elements[i] < 0 ? elements[i] : Character.toLowerCase((char) elements[i]);
        }
        return out;
    }
}
