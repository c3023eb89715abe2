package dev.trent.cli;

/** A command of Trent's command line: {@code trent} itself, {@code trent export}, ... */
interface Command {
    /** Its name, options and subcommands; built once, no work done. */
    CommandSpec spec();

    /**
     * Runs the command on the values parsed for it.
     *
     * @return the exit code: 0, or 1 when it could not do its work
     * @throws UsageException when the options contradict each other or a value is not acceptable (exit 2)
     */
    int run(ParsedArgs args, CommandContext context);
}
