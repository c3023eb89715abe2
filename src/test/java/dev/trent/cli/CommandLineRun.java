package dev.trent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Trent's command line run in this JVM, what it printed kept for the test to read. */
final class CommandLineRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment;

    CommandLineRun() {
        this(System.getenv());
    }

    /** With the environment passwords are read from. */
    CommandLineRun(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @return the exit code */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** What {@code --help} prints (and that it exits 0). */
    static String help() {
        CommandLineRun help = new CommandLineRun();
        if (help.run("--help") != 0) {
            throw new AssertionError("--help exited non-zero: " + help.err());
        }
        return help.out();
    }
}
