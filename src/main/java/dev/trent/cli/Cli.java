package dev.trent.cli;

/**
 * Runs a command line: parses it, answers --help and --version, runs the command, and turns usage
 * errors into their message, a hint and exit code 2 (never a stack trace).
 */
final class Cli {
    static final int USAGE = 2;

    private Cli() {
    }

    /** @return the exit code: 0, 1 (the command could not do its work) or 2 (a usage error) */
    static int run(Command root, String[] args, CommandContext context) {
        Parser.Parse parse;
        try {
            parse = Parser.parse(root, args);
        } catch (UsageException e) {
            return usageError(e, root.spec().name(), context);
        }
        if (parse.help()) {
            context.out().print(Help.of(parse.command().spec(), parse.path()));
            context.out().flush();
            return 0;
        }
        if (parse.version()) {
            context.out().println(version());
            context.out().flush();
            return 0;
        }
        try {
            return parse.command().run(parse.args(), context);
        } catch (UsageException e) {
            return usageError(e, parse.path(), context);
        } catch (RuntimeException e) { // a bug: its trace is what finds it
            e.printStackTrace(context.err());
            context.err().flush();
            return 1;
        }
    }

    private static int usageError(UsageException e, String path, CommandContext context) {
        String command = e.command() != null ? e.command() : path;
        context.err().println(e.getMessage());
        context.err().println("Try '" + command + " --help' for more information.");
        context.err().flush();
        return USAGE;
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return "Trent " + (version == null ? "(development build)" : version);
    }
}
