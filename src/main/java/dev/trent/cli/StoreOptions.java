package dev.trent.cli;

import static dev.trent.cli.ValueType.PATH;
import static dev.trent.cli.ValueType.STRING;

import dev.trent.store.StoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options that choose a store, shared by Trent itself and by the commands that open a store
 * (export, inspect, change-password).
 */
final class StoreOptions {
    static final String PASSWORD_VARIABLE = "TRENT_PASSWORD";

    static final Option DATA = Option.value("--data", "DIR", PATH,
            "Keep keys and everything else in an SQLite database in DIR, across restarts, with "
                    + "secrets sealed under a password (--password-file or " + PASSWORD_VARIABLE + "). "
                    + "Default: in memory, gone when Trent stops.");
    static final Option STORE = Option.value("--store", "JDBC_URL", STRING,
            "Keep everything in PostgreSQL (jdbc:postgresql://HOST/DB?user=...&password=...), "
                    + "shared by every Trent started with the same URL; secrets sealed as with --data.");
    static final Option PASSWORD_FILE = Option.value("--password-file", "FILE", PATH,
            "File whose first line is the password the store's secrets are sealed under "
                    + "(else the " + PASSWORD_VARIABLE + " environment variable).");
    static final Option PLAINTEXT = Option.flag("--insecure-plaintext-store",
            "Keep the store's secrets unsealed, with no password: for throwaway data only.");

    static final List<Option> OPTIONS = List.of(DATA, STORE, PASSWORD_FILE, PLAINTEXT);

    /** The options of a command that opens a store: these, then its own. */
    static List<Option> with(Option... own) {
        List<Option> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of(own));
        return options;
    }

    private StoreOptions() {
    }

    /** The store these options choose: memory when neither --data nor --store is given. */
    static StoreSettings settings(ParsedArgs args, Map<String, String> environment) {
        Path data = args.path(DATA);
        String jdbcUrl = args.string(STORE);
        Path passwordFile = args.path(PASSWORD_FILE);
        boolean plaintext = args.flag(PLAINTEXT);
        if (data != null && jdbcUrl != null) {
            throw new UsageException("Give --data or --store, not both");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new UsageException(
                    "--store takes a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), not '" + jdbcUrl + "'");
        }
        if (data == null && jdbcUrl == null) {
            if (passwordFile != null || plaintext) {
                throw new UsageException(
                        "--password-file and --insecure-plaintext-store apply to a store: give --data DIR or --store URL");
            }
            return StoreSettings.MEMORY;
        }
        StoreSettings unsealed = new StoreSettings(data, jdbcUrl, null, false);
        char[] password = password(passwordFile, PASSWORD_VARIABLE, environment, "The store's password");
        if (plaintext) {
            if (password != null) {
                throw new UsageException("--insecure-plaintext-store takes no password, yet one was given");
            }
            return unsealed.withPlaintext();
        }
        if (password == null) {
            throw new UsageException((data != null ? "--data" : "--store")
                    + " needs the password that seals the store's secrets: give --password-file FILE or set "
                    + PASSWORD_VARIABLE + " (or --insecure-plaintext-store, to keep them unsealed)");
        }
        return new StoreSettings(data, jdbcUrl, password, false);
    }

    /**
     * The first line of {@code file} when given, else the environment variable; null when neither is.
     *
     * @param what the password, as messages name it
     */
    static char[] password(Path file, String variable, Map<String, String> environment, String what) {
        String text;
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                text = content.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new UsageException("Cannot read the password file " + file + ": " + e.getMessage());
            }
        } else {
            text = environment.get(variable);
            if (text == null) {
                return null;
            }
        }
        if (text.isEmpty()) {
            throw new UsageException(what + " is empty");
        }
        return text.toCharArray();
    }
}
