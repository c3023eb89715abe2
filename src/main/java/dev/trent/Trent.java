package dev.trent;

import dev.trent.admin.AdminEndpoint;
import dev.trent.admin.AdminRoutes;
import dev.trent.admin.ControlRoutes;
import dev.trent.api.Api;
import dev.trent.auth.Authenticator;
import dev.trent.auth.CallerResolver;
import dev.trent.auth.SigV4Verifier;
import dev.trent.control.Controls;
import dev.trent.control.Faults;
import dev.trent.control.LoggedRequest;
import dev.trent.control.RequestFilter;
import dev.trent.control.RequestLog;
import dev.trent.crypto.Randomness;
import dev.trent.http.HttpServer;
import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.kms.Scope;
import dev.trent.store.Store;
import dev.trent.store.Stores;
import dev.trent.tls.TlsIdentity;
import dev.trent.transfer.KeyFileDefaults;
import dev.trent.transfer.KeyFiles;
import dev.trent.ui.ConsoleRoutes;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * A Trent server, built by hand from a {@link Config}: store, domain, API, HTTP. The command line
 * and tests alike start one with {@link #start()} and stop it with {@link #close()}.
 */
public final class Trent implements AutoCloseable {
    private final Config config;
    private final MutableClock clock;
    private final CompletableFuture<Built> built;
    private final Faults faults = new Faults();
    private final RequestLog requestLog;
    private final Controls controls;
    private final AdminRoutes adminRoutes = new AdminRoutes();
    private HttpServer server;
    private TlsIdentity tls;
    /** Set on the build thread, which must not wait for this Trent's monitor: start() holds it meanwhile. */
    private final AtomicReference<Store> store = new AtomicReference<>();
    /** Open when SLF4J has its logging set up, on the build thread. */
    private final CountDownLatch loggingReady = new CountDownLatch(1);

    /** The domain and the API over it, built together. */
    private record Built(Kms kms, Api api) {
    }

    public Trent(Config config) {
        this.config = config;
        this.clock = new MutableClock(config.clock());
        this.requestLog = new RequestLog(config.control().requestLogSize(), clock);
        // Built on a second thread while Netty starts on this one: each takes a fifth of a second cold.
        this.built = CompletableFuture.supplyAsync(this::build, task -> {
            Thread builder = new Thread(task, "trent-build");
            builder.setDaemon(true);
            builder.start();
        });
        this.controls = new Controls(clock, () -> built.join().kms(), faults, requestLog, this::loadKeyFiles);
        new ControlRoutes(controls, version()).register(adminRoutes);
        ConsoleRoutes.register(adminRoutes, () -> built.join().kms(), new Scope(config.defaultAccount(), config.defaultRegion()));
    }

    private Built build() {
        // SLF4J hands out stand-in loggers while it initialises, and replays what they got with a
        // warning: it initialises here, before anything on this thread logs, and start() waits for
        // it before Netty logs on the other.
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            loggingReady.countDown();
        }
        Store opened = Stores.open(config.store());
        store.set(opened);
        Kms kms = new Kms(opened, clock, new Randomness(), config.accessMode());
        loadKeyFiles(kms, scope -> true); // before Trent answers anyone
        return new Built(kms, new Api(kms, faults));
    }

    /** Loads the start-up key files, in order, the keys of these scopes only; existing keys are left as they are. */
    private void loadKeyFiles(Kms kms, Predicate<Scope> scopes) {
        for (Path file : config.imports()) {
            KeyFiles.load(file, kms, new KeyFileDefaults(config.defaultAccount(), config.defaultRegion(),
                    clock.instant()), scopes);
        }
    }

    private void loadKeyFiles(Predicate<Scope> scopes) {
        loadKeyFiles(built.join().kms(), scopes);
    }

    /** This build's version, as the health endpoint tells it. */
    public static String version() {
        String version = Trent.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Starts listening, and returns when Trent answers requests; returns this Trent for chaining. */
    public synchronized Trent start() {
        if (server != null) {
            throw new IllegalStateException("Trent is already started");
        }
        try {
            // the real time, not Trent's clock: TLS clients check the certificate's dates against theirs
            tls = config.tls() == null ? null : TlsIdentity.of(config.tls(), config.bind(), Instant.now());
        } catch (RuntimeException e) {
            built.handle((done, failure) -> null).join(); // then close() finds the store the build opened
            close();
            throw e;
        }
        try {
            loggingReady.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = HttpServer.start(config.bind(), config.port(), () -> built.join().api(), authenticator(),
                config.limits(), new AdminEndpoint(adminRoutes, config.control().adminToken(),
                        config.credentials() != null), requestLog, tls);
        try {
            built.join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** With --credentials, every request's signature is verified; without, any signature names the caller. */
    private Authenticator authenticator() {
        return config.credentials() == null
                ? new CallerResolver(config.defaultAccount(), config.defaultRegion())
                : new SigV4Verifier(config.credentials(), clock);
    }

    /** The port Trent listens on (the one it picked, when configured with port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("Trent is not started");
        }
        return server.port();
    }

    /** The endpoint to give AWS clients: {@code http://HOST:PORT}, or {@code https://HOST:PORT} with TLS. */
    public URI endpoint() {
        String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((config.tls() == null ? "http://" : "https://") + host + ":" + port());
    }

    /**
     * The certificate Trent shows TLS clients, while started with TLS: with {@code --tls}, the
     * self-signed one for clients to trust; null without TLS.
     */
    public X509Certificate tlsCertificate() {
        if (server == null) {
            throw new IllegalStateException("Trent is not started");
        }
        return tls == null ? null : tls.certificate();
    }

    /** The store Trent keeps its state in, while started: for the tools that read it (export, inspect). */
    public Store store() {
        Store opened = store.get();
        if (opened == null) {
            throw new IllegalStateException("Trent is not started");
        }
        return opened;
    }

    /**
     * Trent's clock: move it to make scheduled deletions, rotations and expiries happen (at the next
     * request, or at once through {@link #controls()}).
     */
    public MutableClock clock() {
        return clock;
    }

    /**
     * The routes under {@code /_trent/}: others (the web console) add theirs before {@link #start()};
     * the test-control API's are there from the start.
     */
    public AdminRoutes adminRoutes() {
        return adminRoutes;
    }

    /** Reset, clock moves, faults and the request log: what the test-control API does, in Java. */
    public Controls controls() {
        return controls;
    }

    /**
     * Back to the state Trent started in: no keys, aliases, grants or custom key stores but those of
     * the start-up key files, the clock at real time, no faults, an empty request log.
     */
    public void reset() {
        controls.reset();
    }

    /** One account in one region back to its start-up state (see {@link Controls#reset(Scope)}). */
    public void reset(String account, String region) {
        controls.reset(new Scope(account, region));
    }

    /** The faults Trent injects into KMS requests: add and clear them. */
    public Faults faults() {
        return faults;
    }

    /** The latest KMS requests the filter matches, newest first. */
    public List<LoggedRequest> requests(RequestFilter filter) {
        return controls.requests(filter);
    }

    /** The latest KMS requests, newest first. */
    public List<LoggedRequest> requests() {
        return requests(RequestFilter.ALL);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        Store opened = store.getAndSet(null);
        if (opened != null) {
            opened.close();
        }
    }
}
