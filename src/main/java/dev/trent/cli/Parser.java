package dev.trent.cli;

/**
 * Reads a command line: options in their forms ({@code --port 6767}, {@code --port=6767}, flags,
 * repeatable options, the negatable {@code --[no-]enforce-policies[=true|false]}), then a subcommand's
 * name and its own options. Usage errors keep the words of picocli, Trent's earlier parser, where it had
 * a message for them.
 */
final class Parser {
    /**
     * The command to run, its full name ("trent export"), its options' values, and whether --help or
     * --version was given (anywhere on the line: they answer for the command named last).
     */
    record Parse(Command command, String path, ParsedArgs args, boolean help, boolean version) {
    }

    private final String[] args;
    private int next;
    private Command command;
    private String path;
    private ParsedArgs values;
    private boolean optionsGiven;
    private boolean help;
    private boolean version;

    private Parser(Command root, String[] args) {
        this.args = args;
        enter(root, root.spec().name());
    }

    /** @throws UsageException naming the command whose usage it breaks */
    static Parse parse(Command root, String... args) {
        return new Parser(root, args).parse();
    }

    private void enter(Command command, String path) {
        this.command = command;
        this.path = path;
        this.values = new ParsedArgs(command.spec());
        this.optionsGiven = false;
    }

    private Parse parse() {
        boolean endOfOptions = false;
        while (next < args.length) {
            String arg = args[next++];
            if (!endOfOptions && arg.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && arg.startsWith("-") && arg.length() > 1) {
                option(arg);
            } else {
                positional(arg);
            }
        }
        return new Parse(command, path, values, help, version);
    }

    private void option(String arg) {
        int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
        String name = equals < 0 ? arg : arg.substring(0, equals);
        String inline = equals < 0 ? null : arg.substring(equals + 1);
        Option option = command.spec().option(name);
        if (option == null) {
            throw error("Unknown option: '" + arg + "'");
        }
        if (option == Option.HELP || option == Option.VERSION) { // for the command reached last
            boolean asked = inline == null || (Boolean) option.type().convert(option, inline);
            help |= option == Option.HELP && asked;
            version |= option == Option.VERSION && asked;
            return;
        }
        optionsGiven = true;
        switch (option.kind()) {
            case FLAG:
                values.set(option, inline == null ? Boolean.TRUE : option.type().convert(option, inline));
                break;
            case VALUE:
                onlyOnce(option);
                values.set(option, option.type().convert(option, inline != null ? inline : requiredValue(option)));
                break;
            case REPEATABLE:
                values.add(option, option.type().convert(option, inline != null ? inline : requiredValue(option)));
                break;
            case NEGATABLE_BOOLEAN:
                onlyOnce(option);
                if (name.equals(option.negatedName())) {
                    values.set(option, negated(option, inline));
                } else {
                    values.set(option, inline != null ? option.type().convert(option, inline) : optionalBoolean());
                }
                break;
            default:
                throw new IllegalStateException(option.kind().name());
        }
    }

    private void onlyOnce(Option option) {
        if (values.given(option)) {
            throw error("option '" + option.name() + "' (" + option.paramLabel() + ") should be specified only once");
        }
    }

    /** The next argument, which must be there and must not be another option. */
    private String requiredValue(Option option) {
        if (next >= args.length) {
            throw error("Missing required parameter for option '" + option.name() + "' (" + option.paramLabel() + ")");
        }
        String value = args[next];
        if (isOptionName(value)) {
            throw error("Expected parameter for option '" + option.name() + "' but found '" + value + "'");
        }
        next++;
        return value;
    }

    /**
     * {@code --no-enforce-policies}: false, and no value. picocli took {@code --no-enforce-policies=true}
     * as true; refused, it cannot be misread either way.
     */
    private Boolean negated(Option option, String inline) {
        if (inline != null || (next < args.length && ValueType.booleanOrNull(args[next]) != null)) {
            throw error("Option '" + option.negatedName() + "' takes no value: give " + option.name()
                    + "=true or " + option.name() + "=false instead");
        }
        return Boolean.FALSE;
    }

    /** {@code --enforce-policies true}: the next argument when it is true or false, else true without it. */
    private Boolean optionalBoolean() {
        Boolean value = next < args.length ? ValueType.booleanOrNull(args[next]) : null;
        if (value == null) {
            return Boolean.TRUE;
        }
        next++;
        return value;
    }

    /** Whether {@code arg} is one of this command's options, alone or with its {@code =value}. */
    private boolean isOptionName(String arg) {
        int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
        return command.spec().option(equals < 0 ? arg : arg.substring(0, equals)) != null;
    }

    private void positional(String arg) {
        CommandSpec spec = command.spec();
        Command subcommand = spec.subcommand(arg);
        if (subcommand != null) {
            if (optionsGiven) {
                throw error("'" + arg + "' must come first: the options before it are " + path + "'s, which "
                        + path + " " + arg + " does not take");
            }
            enter(subcommand, path + " " + arg);
            return;
        }
        if (!spec.subcommands().isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Command each : spec.subcommands()) {
                names.append(names.length() == 0 ? "" : ", ").append(each.spec().name());
            }
            throw error("Unknown command: '" + arg + "' (the commands are " + names + ")");
        }
        throw error("Unexpected argument: '" + arg + "' (" + path + " takes options only)");
    }

    private UsageException error(String message) {
        return new UsageException(path, message);
    }
}
