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

/** {@code trent export}: a store's keys and aliases in Trent's key file format, for {@code --import}. */
final class ExportCommand implements Command {
    static final Option OUTPUT = Option.value("--output", "FILE", ValueType.PATH,
            "Write to FILE instead of standard output.");
    static final Option INCLUDE_MATERIAL = Option.flag("--include-material",
            "Include every key's material and the custom key stores' passwords and proxy secrets "
                    + "(secret!) in the clear. Without them, materials are listed by id only, and --import refuses "
                    + "the file.");

    private static final CommandSpec SPEC = new CommandSpec("export",
            "Write the store's keys and aliases in Trent's key file format (docs/key-files.md), "
                    + "which --import loads: to move a store between machines or Trent versions.",
            StoreOptions.with(OUTPUT, INCLUDE_MATERIAL));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CommandContext context) {
        StoreSettings settings = StoreOptions.settings(args, context.environment());
        if (settings.inMemory()) {
            throw new UsageException("export reads a store: give --data DIR or --store JDBC_URL");
        }
        try (Store store = Stores.open(settings)) {
            return export(store, args, context.out(), context.err());
        } catch (StoreException e) {
            context.err().println("Trent cannot export: " + e.getMessage());
            return 1;
        }
    }

    /** Exports this store to --output, or to {@code out}; notes what it left out on {@code err}. */
    static int export(Store store, ParsedArgs args, PrintWriter out, PrintWriter err) {
        Path output = args.path(OUTPUT);
        boolean includeMaterial = args.flag(INCLUDE_MATERIAL);
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
