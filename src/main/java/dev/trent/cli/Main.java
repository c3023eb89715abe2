package dev.trent.cli;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.control.ControlSettings;
import dev.trent.kms.Scope;
import dev.trent.auth.Credentials;
import dev.trent.auth.CredentialsException;
import dev.trent.http.ServerLimits;
import dev.trent.store.StoreException;
import dev.trent.store.StoreSettings;
import dev.trent.tls.TlsException;
import dev.trent.tls.TlsSettings;
import dev.trent.transfer.KeyFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar trent.jar}: runs Trent until interrupted. */
@Command(name = "trent", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {ExportCommand.class, InspectCommand.class, ChangePasswordCommand.class},
        description = "Trent: a local emulator of AWS Key Management Service (KMS).%n"
                + "Point any AWS SDK or the AWS CLI at it with --endpoint-url or AWS_ENDPOINT_URL_KMS.",
        sortOptions = false)
public final class Main implements Callable<Integer> {
    /**
     * Logback takes a fifth of a second to set up: it does so on the other core while the command
     * line is parsed and Trent is built, and is waited for before Netty's first log line.
     */
    private static final Thread LOGGING_SETUP = new Thread(LoggerFactory::getILoggerFactory, "trent-logging-init");

    static {
        LOGGING_SETUP.setDaemon(true);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6767",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--account", paramLabel = "ACCOUNT_ID", defaultValue = "000000000000",
            description = "Account of requests whose access key id is not a 12-digit account id "
                    + "(default: ${DEFAULT-VALUE}). An access key id of 12 digits is the account itself.")
    String account;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "Region of unsigned requests (default: ${DEFAULT-VALUE}). Signed requests use "
                    + "the region of their SigV4 credential scope.")
    String region;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--import", paramLabel = "FILE",
            description = "Load keys from FILE at start-up (Trent's JSON, Rusty KMS's keys.json or local-kms's "
                    + "seed YAML); repeatable. Keys that exist already are left as they are.")
    List<Path> imports = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Accept only requests signed (AWS Signature Version 4) with an access key of FILE, a JSON "
                    + "list of {access_key, secret_key, account_id[, session_token, principal, policies]} "
                    + "(Rusty KMS's access-tokens.json as it is). Without it, any signature or none is accepted.")
    Path credentialsFile;

    @Option(names = "--enforce-policies", negatable = true, paramLabel = "true|false", arity = "0..1",
            fallbackValue = "true",
            description = "Decide every request by key policies, the caller's IAM policies (from --credentials) and "
                    + "grants, as AWS KMS does. On by default with --credentials; off by default without, where an "
                    + "account may do anything with its own keys and nothing with another's.")
    Boolean enforcePolicies;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Guard the test-control API under /_trent/ (reset, clock, faults, request log, console "
                    + "data): its requests must carry 'Authorization: Bearer TOKEN'. With --credentials and "
                    + "no token, that API is closed. /_trent/health is always open.")
    String adminToken;

    @Option(names = "--request-log-size", paramLabel = "N", defaultValue = "1000",
            description = "How many of the latest KMS requests the request log (/_trent/requests) keeps "
                    + "(default: ${DEFAULT-VALUE}; 0 keeps none).")
    int requestLogSize;

    @Mixin
    TlsOptions tlsOptions;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Close a connection that waits this long for its next request (default: ${DEFAULT-VALUE}, "
                    + "as long as the AWS SDKs keep an idle connection).")
    int idleTimeout;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Close a connection whose request head, or whose request body, takes longer than this to "
                    + "arrive (default: ${DEFAULT-VALUE}); each is a fixed deadline, not reset by every byte.")
    int requestTimeout;

    @Option(names = "--max-pending-requests", paramLabel = "N", defaultValue = "256",
            description = "Requests in progress or waiting at once (default: ${DEFAULT-VALUE}); beyond them Trent "
                    + "answers ThrottlingException at once, which the AWS SDKs retry with backoff.")
    int maxPendingRequests;

    @Override
    public Integer call() throws InterruptedException {
        if (!Scope.isAccountId(account)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--account must be 12 digits, not '" + account + "'");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, not " + port);
        }
        if (idleTimeout < 1 || requestTimeout < 1 || maxPendingRequests < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--idle-timeout, --request-timeout and --max-pending-requests must be at least 1");
        }
        if (requestLogSize < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--request-log-size must be at least 0, not " + requestLogSize);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin-token must not be empty");
        }
        StoreSettings store = storeOptions.settings(spec.commandLine(), System.getenv());
        TlsSettings tls = tlsOptions.settings(spec.commandLine());
        Credentials credentials = null;
        if (credentialsFile != null) {
            try {
                credentials = Credentials.load(credentialsFile);
            } catch (CredentialsException e) {
                spec.commandLine().getErr().println("Trent cannot start: " + e.getMessage());
                return 1;
            }
        }
        Trent trent = new Trent(Config.defaults().withBind(bind).withPort(port)
                .withDefaultAccount(account).withDefaultRegion(region).withStore(store).withImports(imports)
                .withCredentials(credentials).withEnforcePolicies(enforcePolicies).withLimits(limits())
                .withControl(new ControlSettings(adminToken, requestLogSize)).withTls(tls));
        LOGGING_SETUP.join(); // before Netty logs, or SLF4J would replay its first messages with a warning
        if (store.plaintext()) {
            LoggerFactory.getLogger(Main.class).warn("INSECURE: --insecure-plaintext-store keeps every key's secret "
                    + "material unsealed in the store; anyone who can read it can use the keys");
        }
        try {
            trent.start();
        } catch (StoreException | KeyFileException | TlsException e) {
            spec.commandLine().getErr().println("Trent cannot start: " + e.getMessage());
            return 1;
        } catch (Exception e) { // Netty rethrows the BindException it got, checked as it is
            spec.commandLine().getErr().println("Trent cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            trent.close();
            stopped.countDown();
        }, "trent-shutdown"));
        long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String endpoint = trent.endpoint().toString();
        String keys = credentialsFile == null ? "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                : "AWS_ACCESS_KEY_ID=<an access_key of " + credentialsFile + "> AWS_SECRET_ACCESS_KEY=<its secret_key>";
        String trust = tls == null ? ""
                : " --ca-bundle " + (tls.isSelfSigned() ? tls.certificateOut().toAbsolutePath() : "<your CA's certificate>");
        System.out.println("Trent listening on " + endpoint + " (started in " + startedMs + " ms). Try: "
                + keys + " aws --region " + region
                + " --endpoint-url " + endpoint + trust + " kms create-key");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The deadlines and the bound the options set: one --request-timeout for a request's head and for its body. */
    ServerLimits limits() {
        return ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(idleTimeout))
                .withHeaderTimeout(Duration.ofSeconds(requestTimeout))
                .withBodyTimeout(Duration.ofSeconds(requestTimeout))
                .withMaxPendingRequests(maxPendingRequests);
    }

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        // Netty 4.2 registers its JFR events when the JVM has JFR, loading ~100 classes of the JDK's
        // JFR at start: a tenth of start-up, for events nobody records. Who wants them sets it true.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        LOGGING_SETUP.start();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Trent " + (version == null ? "(development build)" : version)};
        }
    }
}
