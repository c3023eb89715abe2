package dev.trent.cli;

import dev.trent.store.Store;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import dev.trent.transfer.StoreInspection;
import java.io.PrintWriter;

/** {@code trent inspect}: what a store holds, as a table or JSON; never key material. */
final class InspectCommand implements Command {
    static final Option JSON = Option.flag("--json",
            "JSON for scripts (Trent's key file format, without material) instead of a table.");

    private static final CommandSpec SPEC = new CommandSpec("inspect",
            "Show the store's accounts, regions and keys (id, spec, usage, state, aliases, tags, "
                    + "rotation, material versions, dates). Never shows key material.",
            StoreOptions.with(JSON));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CommandContext context) {
        StoreSettings settings = StoreOptions.settings(args, context.environment());
        if (settings.inMemory()) {
            throw new UsageException("inspect reads a store: give --data DIR or --store JDBC_URL");
        }
        try (Store store = Stores.open(settings)) {
            return inspect(store, args, context.out());
        } catch (StoreException e) {
            context.err().println("Trent cannot inspect: " + e.getMessage());
            return 1;
        }
    }

    static int inspect(Store store, ParsedArgs args, PrintWriter out) {
        out.print(args.flag(JSON) ? StoreInspection.json(store) : StoreInspection.table(store));
        out.flush();
        return 0;
    }
}
