package dev.trent.cli;

import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.store.Stores;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trent change-password}: re-seals a durable store's secrets under a new password. */
@Command(name = "change-password", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-seal every secret of the store (--data or --store, opened with its current password "
                + "from --password-file or " + StoreOptions.PASSWORD_VARIABLE + ") under a new password, in one "
                + "transaction: if it is interrupted, the old password still opens the store. Stop every Trent "
                + "that uses the store first.")
public final class ChangePasswordCommand implements Callable<Integer> {
    static final String NEW_PASSWORD_VARIABLE = "TRENT_NEW_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--new-password-file", paramLabel = "FILE",
            description = "File whose first line is the new password (else the " + NEW_PASSWORD_VARIABLE
                    + " environment variable).")
    Path newPasswordFile;

    /** Where the passwords not given in files come from; the tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        StoreSettings settings = storeOptions.settings(commandLine, environment);
        if (settings.inMemory()) {
            throw new CommandLine.ParameterException(commandLine,
                    "change-password needs a store: give --data DIR or --store JDBC_URL");
        }
        if (settings.plaintext()) {
            throw new CommandLine.ParameterException(commandLine,
                    "A store kept with --insecure-plaintext-store has no password to change");
        }
        char[] newPassword = StoreOptions.password(commandLine, newPasswordFile, NEW_PASSWORD_VARIABLE, environment,
                "The new password");
        if (newPassword == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "Give the new password with --new-password-file FILE or " + NEW_PASSWORD_VARIABLE);
        }
        try {
            Stores.changePassword(settings, newPassword);
        } catch (StoreException e) {
            commandLine.getErr().println("Cannot change the password: " + e.getMessage());
            return 1;
        }
        commandLine.getOut().println("The store's secrets are sealed under the new password.");
        return 0;
    }
}
