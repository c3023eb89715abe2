package dev.trent.cli;

import dev.trent.store.StoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that choose a store, shared by Trent itself and by the commands that open a store
 * (export, inspect, change-password).
 */
public final class StoreOptions {
    static final String PASSWORD_VARIABLE = "TRENT_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep keys and everything else in an SQLite database in DIR, across restarts, with "
                    + "secrets sealed under a password (--password-file or " + PASSWORD_VARIABLE + "). "
                    + "Default: in memory, gone when Trent stops.")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Keep everything in PostgreSQL (jdbc:postgresql://HOST/DB?user=...&password=...), "
                    + "shared by every Trent started with the same URL; secrets sealed as with --data.")
    String jdbcUrl;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password the store's secrets are sealed under "
                    + "(else the " + PASSWORD_VARIABLE + " environment variable).")
    Path passwordFile;

    @Option(names = "--insecure-plaintext-store",
            description = "Keep the store's secrets unsealed, with no password: for throwaway data only.")
    boolean plaintext;

    /** The store these options choose: memory when neither --data nor --store is given. */
    StoreSettings settings(CommandLine commandLine, Map<String, String> environment) {
        if (data != null && jdbcUrl != null) {
            throw new CommandLine.ParameterException(commandLine, "Give --data or --store, not both");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new CommandLine.ParameterException(commandLine,
                    "--store takes a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), not '" + jdbcUrl + "'");
        }
        if (data == null && jdbcUrl == null) {
            if (passwordFile != null || plaintext) {
                throw new CommandLine.ParameterException(commandLine,
                        "--password-file and --insecure-plaintext-store apply to a store: give --data DIR or --store URL");
            }
            return StoreSettings.MEMORY;
        }
        StoreSettings unsealed = new StoreSettings(data, jdbcUrl, null, false);
        char[] password = password(commandLine, environment);
        if (plaintext) {
            if (password != null) {
                throw new CommandLine.ParameterException(commandLine,
                        "--insecure-plaintext-store takes no password, yet one was given");
            }
            return unsealed.withPlaintext();
        }
        if (password == null) {
            throw new CommandLine.ParameterException(commandLine, (data != null ? "--data" : "--store")
                    + " needs the password that seals the store's secrets: give --password-file FILE or set "
                    + PASSWORD_VARIABLE + " (or --insecure-plaintext-store, to keep them unsealed)");
        }
        return new StoreSettings(data, jdbcUrl, password, false);
    }

    private char[] password(CommandLine commandLine, Map<String, String> environment) {
        return password(commandLine, passwordFile, PASSWORD_VARIABLE, environment, "The store's password");
    }

    /**
     * The first line of {@code file} when given, else the environment variable; null when neither is.
     *
     * @param what the password, as messages name it
     */
    static char[] password(CommandLine commandLine, Path file, String variable, Map<String, String> environment,
            String what) {
        String text;
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                text = content.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new CommandLine.ParameterException(commandLine,
                        "Cannot read the password file " + file + ": " + e.getMessage());
            }
        } else {
            text = environment.get(variable);
            if (text == null) {
                return null;
            }
        }
        if (text.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, what + " is empty");
        }
        return text.toCharArray();
    }
}
