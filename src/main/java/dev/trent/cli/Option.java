package dev.trent.cli;

/**
 * One option of a command, as the parser reads it and --help describes it.
 *
 * @param name the long name, {@code --port}
 * @param shortName the one-letter alias ({@code -h}), or null
 * @param paramLabel what the value is called in help ({@code PORT}); null for a flag
 * @param defaultValue the value when the option is not given, as text; null for none. The description
 *     may say it with {@code ${DEFAULT-VALUE}}
 */
record Option(String name, String shortName, String paramLabel, Kind kind, ValueType type, String defaultValue,
        String description) {
    private static final String DEFAULT_VALUE = "${DEFAULT-VALUE}";
    private static final String NEGATION = "--no-";

    /** How an option takes its value. */
    enum Kind {
        /** {@code --tls}: true when given ({@code --tls=false} too, as picocli accepted). */
        FLAG,
        /** {@code --port 6767} or {@code --port=6767}, at most once. */
        VALUE,
        /** {@code --import FILE}, as often as wanted; the values in order. */
        REPEATABLE,
        /**
         * {@code --enforce-policies}, {@code --enforce-policies=false}, {@code --enforce-policies true},
         * {@code --no-enforce-policies}: a Boolean that stays null when the option is not given.
         */
        NEGATABLE_BOOLEAN
    }

    static final Option HELP = new Option("--help", "-h", null, Kind.FLAG, ValueType.BOOLEAN, null,
            "Show this help message and exit.");
    static final Option VERSION = new Option("--version", "-V", null, Kind.FLAG, ValueType.BOOLEAN, null,
            "Print version information and exit.");

    Option {
        if (!name.startsWith("--") || name.startsWith(NEGATION) || name.contains("=")) {
            throw new IllegalArgumentException("not a long option name: " + name);
        }
        if ((paramLabel == null) != (kind == Kind.FLAG)) {
            throw new IllegalArgumentException(name + ": a parameter label is for options that take a value");
        }
        if (description.contains(DEFAULT_VALUE) && defaultValue == null) {
            throw new IllegalArgumentException(name + ": the description names a default it does not have");
        }
    }

    static Option flag(String name, String description) {
        return new Option(name, null, null, Kind.FLAG, ValueType.BOOLEAN, null, description);
    }

    static Option value(String name, String paramLabel, ValueType type, String description) {
        return new Option(name, null, paramLabel, Kind.VALUE, type, null, description);
    }

    static Option value(String name, String paramLabel, ValueType type, String defaultValue, String description) {
        return new Option(name, null, paramLabel, Kind.VALUE, type, defaultValue, description);
    }

    static Option repeatable(String name, String paramLabel, ValueType type, String description) {
        return new Option(name, null, paramLabel, Kind.REPEATABLE, type, null, description);
    }

    static Option negatableBoolean(String name, String paramLabel, String description) {
        return new Option(name, null, paramLabel, Kind.NEGATABLE_BOOLEAN, ValueType.BOOLEAN, null, description);
    }

    /** {@code --no-enforce-policies} for a negatable option; null for the others. */
    String negatedName() {
        return kind == Kind.NEGATABLE_BOOLEAN ? NEGATION + name.substring(2) : null;
    }

    /** Whether the option must be followed by a value ({@code --port PORT}), not merely may be. */
    boolean requiresValue() {
        return kind == Kind.VALUE || kind == Kind.REPEATABLE;
    }

    /** Every name the option answers to. */
    String[] names() {
        if (shortName != null) {
            return new String[] {shortName, name};
        }
        String negated = negatedName();
        return negated != null ? new String[] {name, negated} : new String[] {name};
    }

    /** How help shows the option: {@code --port=PORT}, {@code --tls}, {@code --[no-]enforce-policies[=true|false]}. */
    String synopsis() {
        switch (kind) {
            case FLAG:
                return name;
            case NEGATABLE_BOOLEAN:
                return "--[no-]" + name.substring(2) + "[=" + paramLabel + "]";
            default:
                return name + "=" + paramLabel;
        }
    }

    /** The description as help shows it, the default filled in. */
    String helpText() {
        return defaultValue == null ? description : description.replace(DEFAULT_VALUE, defaultValue);
    }
}
