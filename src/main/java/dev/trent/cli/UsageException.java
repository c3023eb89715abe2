package dev.trent.cli;

/**
 * A command line Trent cannot act on: an unknown option, a missing or malformed value, options that
 * contradict each other. Its message is printed as it is, with a hint to --help, and Trent exits 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The command whose help the hint points to ("trent export"); null for the command that was run. */
    private final String command;

    public UsageException(String message) {
        this(null, message);
    }

    UsageException(String command, String message) {
        super(message, null, false, false); // a message for the user: no stack trace to fill in
        this.command = command;
    }

    String command() {
        return command;
    }
}
