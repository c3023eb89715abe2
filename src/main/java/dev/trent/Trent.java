package dev.trent;

import dev.trent.api.Api;
import dev.trent.auth.Authenticator;
import dev.trent.auth.CallerResolver;
import dev.trent.auth.SigV4Verifier;
import dev.trent.crypto.Randomness;
import dev.trent.http.HttpServer;
import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.store.Store;
import dev.trent.store.Stores;
import dev.trent.tls.TlsIdentity;
import dev.trent.transfer.KeyFileDefaults;
import dev.trent.transfer.KeyFiles;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Trent server, built by hand from a {@link Config}: store, domain, API, HTTP. The command line
 * and tests alike start one with {@link #start()} and stop it with {@link #close()}.
 */
public final class Trent implements AutoCloseable {
    private final Config config;
    private final MutableClock clock;
    private final CompletableFuture<Api> api;
    private HttpServer server;
    private TlsIdentity tls;
    /** Set on the build thread, which must not wait for this Trent's monitor: start() holds it meanwhile. */
    private final AtomicReference<Store> store = new AtomicReference<>();

    public Trent(Config config) {
        this.config = config;
        this.clock = new MutableClock(config.clock());
        // Built on a second thread while Netty starts on this one: each takes a fifth of a second cold.
        this.api = CompletableFuture.supplyAsync(this::build, task -> {
            Thread builder = new Thread(task, "trent-build");
            builder.setDaemon(true);
            builder.start();
        });
    }

    private Api build() {
        Store opened = Stores.open(config.store());
        store.set(opened);
        Kms kms = new Kms(opened, clock, new Randomness(), config.accessMode());
        for (Path file : config.imports()) { // in order, before Trent answers anyone
            KeyFiles.load(file, kms, new KeyFileDefaults(config.defaultAccount(), config.defaultRegion(), clock.instant()));
        }
        return new Api(kms);
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
            api.handle((built, failure) -> null).join(); // then close() finds the store the build opened
            close();
            throw e;
        }
        server = HttpServer.start(config.bind(), config.port(), api::join, authenticator(), config.limits(), tls);
        try {
            api.join();
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

    /** Trent's clock: move it to make scheduled deletions happen. */
    public MutableClock clock() {
        return clock;
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
