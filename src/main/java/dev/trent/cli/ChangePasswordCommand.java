package dev.trent.cli;

import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;

/** {@code trent change-password}: re-seals a durable store's secrets under a new password. */
final class ChangePasswordCommand implements Command {
    static final String NEW_PASSWORD_VARIABLE = "TRENT_NEW_PASSWORD";

    static final Option NEW_PASSWORD_FILE = Option.value("--new-password-file", "FILE", ValueType.PATH,
            "File whose first line is the new password (else the " + NEW_PASSWORD_VARIABLE
                    + " environment variable).");

    private static final CommandSpec SPEC = new CommandSpec("change-password",
            "Re-seal every secret of the store (--data or --store, opened with its current password "
                    + "from --password-file or " + StoreOptions.PASSWORD_VARIABLE + ") under a new password, in one "
                    + "transaction: if it is interrupted, the old password still opens the store. Stop every Trent "
                    + "that uses the store first.",
            StoreOptions.with(NEW_PASSWORD_FILE));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CommandContext context) {
        StoreSettings settings = StoreOptions.settings(args, context.environment());
        if (settings.inMemory()) {
            throw new UsageException("change-password needs a store: give --data DIR or --store JDBC_URL");
        }
        if (settings.plaintext()) {
            throw new UsageException("A store kept with --insecure-plaintext-store has no password to change");
        }
        char[] newPassword = StoreOptions.password(args.path(NEW_PASSWORD_FILE), NEW_PASSWORD_VARIABLE,
                context.environment(), "The new password");
        if (newPassword == null) {
            throw new UsageException("Give the new password with --new-password-file FILE or " + NEW_PASSWORD_VARIABLE);
        }
        try {
            Stores.changePassword(settings, newPassword);
        } catch (StoreException e) {
            context.err().println("Cannot change the password: " + e.getMessage());
            return 1;
        }
        context.out().println("The store's secrets are sealed under the new password.");
        return 0;
    }
}
