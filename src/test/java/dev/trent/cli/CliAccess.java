package dev.trent.cli;

import dev.trent.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The export and inspect commands run against a store given directly, as tests have no --data store yet. */
public final class CliAccess {
    private CliAccess() {
    }

    /** {@code trent export ARGS} on this store; the output is discarded unless --output is given. */
    public static int export(Store store, String... args) {
        ExportCommand command = new ExportCommand();
        return ExportCommand.export(store, Parser.parse(command, args).args(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    /** {@code trent inspect ARGS} on this store: what it prints. */
    public static String inspect(Store store, String... args) {
        InspectCommand command = new InspectCommand();
        StringWriter out = new StringWriter();
        InspectCommand.inspect(store, Parser.parse(command, args).args(), new PrintWriter(out));
        return out.toString();
    }
}
