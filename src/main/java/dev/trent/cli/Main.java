package dev.trent.cli;

import static dev.trent.cli.ValueType.INT;
import static dev.trent.cli.ValueType.PATH;
import static dev.trent.cli.ValueType.STRING;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credentials;
import dev.trent.auth.CredentialsException;
import dev.trent.control.ControlSettings;
import dev.trent.http.ServerLimits;
import dev.trent.kms.Scope;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.tls.TlsException;
import dev.trent.tls.TlsSettings;
import dev.trent.transfer.KeyFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** {@code java -jar trent.jar}: runs Trent until interrupted. */
public final class Main implements Command {
    /**
     * Logback takes a fifth of a second to set up: it does so on the other core while the command
     * line is parsed and Trent is built, and is waited for before Netty's first log line.
     */
    private static final Thread LOGGING_SETUP = new Thread(LoggerFactory::getILoggerFactory, "trent-logging-init");

    static {
        LOGGING_SETUP.setDaemon(true);
    }

    static final Option BIND = Option.value("--bind", "ADDRESS", STRING, "127.0.0.1",
            "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).");
    static final Option PORT = Option.value("--port", "PORT", INT, "6767",
            "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free port).");
    static final Option ACCOUNT = Option.value("--account", "ACCOUNT_ID", STRING, "000000000000",
            "Account of requests whose access key id is not a 12-digit account id "
                    + "(default: ${DEFAULT-VALUE}). An access key id of 12 digits is the account itself.");
    static final Option REGION = Option.value("--region", "REGION", STRING, "us-east-1",
            "Region of unsigned requests (default: ${DEFAULT-VALUE}). Signed requests use "
                    + "the region of their SigV4 credential scope.");
    static final Option IMPORT = Option.repeatable("--import", "FILE", PATH,
            "Load keys from FILE at start-up (Trent's JSON, Rusty KMS's keys.json or local-kms's "
                    + "seed YAML); repeatable. Keys that exist already are left as they are.");
    static final Option CREDENTIALS = Option.value("--credentials", "FILE", PATH,
            "Accept only requests signed (AWS Signature Version 4) with an access key of FILE, a JSON "
                    + "list of {access_key, secret_key, account_id[, session_token, principal, policies]} "
                    + "(Rusty KMS's access-tokens.json as it is). Without it, any signature or none is accepted.");
    static final Option ENFORCE_POLICIES = Option.negatableBoolean("--enforce-policies", "true|false",
            "Decide every request by key policies, the caller's IAM policies (from --credentials) and "
                    + "grants, as AWS KMS does. On by default with --credentials; off by default without, where an "
                    + "account may do anything with its own keys and nothing with another's.");
    static final Option ADMIN_TOKEN = Option.value("--admin-token", "TOKEN", STRING,
            "Guard the test-control API under /_trent/ (reset, clock, faults, request log, console "
                    + "data): its requests must carry 'Authorization: Bearer TOKEN'. With --credentials and "
                    + "no token, that API is closed. /_trent/health is always open.");
    static final Option REQUEST_LOG_SIZE = Option.value("--request-log-size", "N", INT, "1000",
            "How many of the latest KMS requests the request log (/_trent/requests) keeps "
                    + "(default: ${DEFAULT-VALUE}; 0 keeps none).");
    static final Option IDLE_TIMEOUT = Option.value("--idle-timeout", "SECONDS", INT, "60",
            "Close a connection that waits this long for its next request (default: ${DEFAULT-VALUE}, "
                    + "as long as the AWS SDKs keep an idle connection).");
    static final Option REQUEST_TIMEOUT = Option.value("--request-timeout", "SECONDS", INT, "20",
            "Close a connection whose request head, or whose request body, takes longer than this to "
                    + "arrive (default: ${DEFAULT-VALUE}); each is a fixed deadline, not reset by every byte.");
    static final Option MAX_PENDING_REQUESTS = Option.value("--max-pending-requests", "N", INT, "256",
            "Requests in progress or waiting at once (default: ${DEFAULT-VALUE}); beyond them Trent "
                    + "answers ThrottlingException at once, which the AWS SDKs retry with backoff.");

    private static final CommandSpec SPEC = new CommandSpec("trent",
            List.of("Trent: a local emulator of AWS Key Management Service (KMS).",
                    "Point any AWS SDK or the AWS CLI at it with --endpoint-url or AWS_ENDPOINT_URL_KMS."),
            options(), List.of(new ExportCommand(), new InspectCommand(), new ChangePasswordCommand()));

    /** In the order help lists them. */
    private static List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(BIND, PORT, ACCOUNT, REGION));
        options.addAll(StoreOptions.OPTIONS);
        options.addAll(List.of(IMPORT, CREDENTIALS, ENFORCE_POLICIES, ADMIN_TOKEN, REQUEST_LOG_SIZE));
        options.addAll(TlsOptions.OPTIONS);
        options.addAll(List.of(IDLE_TIMEOUT, REQUEST_TIMEOUT, MAX_PENDING_REQUESTS));
        return options;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CommandContext context) {
        String bind = args.string(BIND);
        int port = args.integer(PORT);
        String account = args.string(ACCOUNT);
        String region = args.string(REGION);
        int requestLogSize = args.integer(REQUEST_LOG_SIZE);
        String adminToken = args.string(ADMIN_TOKEN);
        Path credentialsFile = args.path(CREDENTIALS);
        if (!Scope.isAccountId(account)) {
            throw new UsageException("--account must be 12 digits, not '" + account + "'");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, not " + port);
        }
        if (args.integer(IDLE_TIMEOUT) < 1 || args.integer(REQUEST_TIMEOUT) < 1
                || args.integer(MAX_PENDING_REQUESTS) < 1) {
            throw new UsageException("--idle-timeout, --request-timeout and --max-pending-requests must be at least 1");
        }
        if (requestLogSize < 0) {
            throw new UsageException("--request-log-size must be at least 0, not " + requestLogSize);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new UsageException("--admin-token must not be empty");
        }
        StoreSettings store = StoreOptions.settings(args, context.environment());
        TlsSettings tls = TlsOptions.settings(args);
        PrintWriter err = context.err();
        Credentials credentials = null;
        if (credentialsFile != null) {
            try {
                credentials = Credentials.load(credentialsFile);
            } catch (CredentialsException e) {
                err.println("Trent cannot start: " + e.getMessage());
                return 1;
            }
        }
        Trent trent = new Trent(Config.defaults().withBind(bind).withPort(port)
                .withDefaultAccount(account).withDefaultRegion(region).withStore(store).withImports(args.paths(IMPORT))
                .withCredentials(credentials).withEnforcePolicies(args.optionalBoolean(ENFORCE_POLICIES))
                .withLimits(limits(args)).withControl(new ControlSettings(adminToken, requestLogSize)).withTls(tls));
        joinLoggingSetUp(); // before Netty logs, or SLF4J would replay its first messages with a warning
        if (store.plaintext()) {
            LoggerFactory.getLogger(Main.class).warn("INSECURE: --insecure-plaintext-store keeps every key's secret "
                    + "material unsealed in the store; anyone who can read it can use the keys");
        }
        try {
            trent.start();
        } catch (StoreException | KeyFileException | TlsException e) {
            err.println("Trent cannot start: " + e.getMessage());
            return 1;
        } catch (Exception e) { // Netty rethrows the BindException it got, checked as it is
            err.println("Trent cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            trent.close();
            stopped.countDown();
        }, "trent-shutdown"));
        long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - context.startNanos());
        String endpoint = trent.endpoint().toString();
        String keys = credentialsFile == null ? "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                : "AWS_ACCESS_KEY_ID=<an access_key of " + credentialsFile + "> AWS_SECRET_ACCESS_KEY=<its secret_key>";
        String trust = tls == null ? ""
                : " --ca-bundle " + (tls.isSelfSigned() ? tls.certificateOut().toAbsolutePath() : "<your CA's certificate>");
        context.out().println("Trent listening on " + endpoint + " (started in " + startedMs + " ms). Try: "
                + keys + " aws --region " + region
                + " --endpoint-url " + endpoint + trust + " kms create-key");
        context.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the shutdown hook closes Trent as the JVM exits
        }
        return 0;
    }

    private static void joinLoggingSetUp() {
        try {
            LOGGING_SETUP.join(); // returns at once where main() did not start it (tests)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deadlines and the bound the options set: one --request-timeout for a request's head and for its body. */
    static ServerLimits limits(ParsedArgs args) {
        Duration requestTimeout = Duration.ofSeconds(args.integer(REQUEST_TIMEOUT));
        return ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(args.integer(IDLE_TIMEOUT)))
                .withHeaderTimeout(requestTimeout)
                .withBodyTimeout(requestTimeout)
                .withMaxPendingRequests(args.integer(MAX_PENDING_REQUESTS));
    }

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        long started = System.nanoTime(); // "started in N ms" counts from here: the JVM's own start time needs JMX
        // Netty 4.2 registers its JFR events when the JVM has JFR, loading ~100 classes of the JDK's
        // JFR at start: a tenth of start-up, for events nobody records. Who wants them sets it true.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        LogProvider.choose();
        LOGGING_SETUP.start();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(Cli.run(new Main(), args, new CommandContext(out, err, System.getenv(), started)));
    }

    /**
     * Trent's command line run in this JVM (tests): the exit code {@code main} would exit with. Trent
     * itself, once started, runs until the JVM stops.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** {@link #run(PrintWriter, PrintWriter, String...)} with the environment passwords are read from. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        return Cli.run(new Main(), args, new CommandContext(out, err, environment, System.nanoTime()));
    }
}
