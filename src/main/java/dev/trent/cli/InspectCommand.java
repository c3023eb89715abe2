package dev.trent.cli;

import dev.trent.store.Store;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import dev.trent.transfer.StoreInspection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trent inspect}: what a store holds, as a table or JSON; never key material. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the store's accounts, regions and keys (id, spec, usage, state, aliases, tags, "
                + "rotation, material versions, dates). Never shows key material.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", description = "JSON for scripts (Trent's key file format, without material) "
            + "instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        StoreSettings settings = storeOptions.settings(spec.commandLine(), System.getenv());
        if (settings.inMemory()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "inspect reads a store: give --data DIR or --store JDBC_URL");
        }
        try (Store store = Stores.open(settings)) {
            return inspect(store, spec.commandLine().getOut());
        } catch (StoreException e) {
            spec.commandLine().getErr().println("Trent cannot inspect: " + e.getMessage());
            return 1;
        }
    }

    int inspect(Store store, PrintWriter out) {
        out.print(json ? StoreInspection.json(store) : StoreInspection.table(store));
        out.flush();
        return 0;
    }
}
