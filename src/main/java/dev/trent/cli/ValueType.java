package dev.trent.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** What an option's value is, and how its text on the command line becomes that value. */
enum ValueType {
    STRING("a string"),
    INT("an int"),
    PATH("a path"),
    BOOLEAN("a boolean");

    private final String what;

    ValueType(String what) {
        this.what = what;
    }

    /** The value of {@code text}, given to {@code option}; a usage error when it is not one. */
    Object convert(Option option, String text) {
        switch (this) {
            case INT:
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw invalid(option, text, "");
                }
            case PATH:
                try {
                    return Path.of(text);
                } catch (InvalidPathException e) {
                    throw invalid(option, text, " (" + e.getReason() + ")");
                }
            case BOOLEAN:
                Boolean value = booleanOrNull(text);
                if (value == null) {
                    throw invalid(option, text, "");
                }
                return value;
            default:
                return text;
        }
    }

    /** true or false, in any case, as picocli read them; null for anything else. */
    static Boolean booleanOrNull(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    private UsageException invalid(Option option, String text, String reason) {
        return new UsageException("Invalid value for option '" + option.name() + "': '" + text + "' is not " + what
                + reason);
    }
}
