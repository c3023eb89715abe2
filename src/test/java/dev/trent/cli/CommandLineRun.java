package dev.trent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Trent's command line run in this JVM, what it printed kept for the test to read. */
final class CommandLineRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** @return the exit code */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
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
