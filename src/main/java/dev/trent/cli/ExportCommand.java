package dev.trent.cli;

import dev.trent.store.Store;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import dev.trent.transfer.StoreExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trent export}: a store's keys and aliases in Trent's key file format, for {@code --import}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the store's keys and aliases in Trent's key file format (docs/key-files.md), "
                + "which --import loads: to move a store between machines or Trent versions.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--include-material",
            description = "Include every key's material and the custom key stores' passwords and proxy secrets "
                    + "(secret!) in the clear. Without them, materials are listed by id only, and --import refuses "
                    + "the file.")
    boolean includeMaterial;

    @Override
    public Integer call() {
        StoreSettings settings = storeOptions.settings(spec.commandLine(), System.getenv());
        if (settings.inMemory()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "export reads a store: give --data DIR or --store JDBC_URL");
        }
        try (Store store = Stores.open(settings)) {
            return export(store, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (StoreException e) {
            spec.commandLine().getErr().println("Trent cannot export: " + e.getMessage());
            return 1;
        }
    }

    /** Exports this store to --output, or to {@code out}; notes what it left out on {@code err}. */
    int export(Store store, PrintWriter out, PrintWriter err) {
        StoreExport.Export export = StoreExport.export(store, includeMaterial);
        String json = export.json();
        if (output != null) {
            try {
                Files.writeString(output, json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("Trent cannot write " + output + ": " + e.getMessage());
                return 1;
            }
        } else {
            out.print(json);
            out.flush();
        }
        if (!includeMaterial) {
            err.println("Exported without key material: give --include-material for a file --import can load");
        }
        err.flush();
        return 0;
    }
}
