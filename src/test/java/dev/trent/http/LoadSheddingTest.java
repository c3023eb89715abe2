package dev.trent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.api.Api;
import dev.trent.auth.CallerResolver;
import dev.trent.crypto.Randomness;
import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.store.InMemoryStore;
import dev.trent.support.AwsErrors;
import dev.trent.support.KmsClients;
import dev.trent.support.TrentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * More requests than Trent may take on: those beyond {@link ServerLimits#maxPendingRequests()} are
 * answered at once with AWS's ThrottlingException, the rest are served, and nothing is left behind.
 * The requests Trent admits are held at a gate (the API they wait for) so that the bound is reached
 * for certain, with no timing involved: the throttled answers arrive while the gate is still shut.
 */
class LoadSheddingTest {
    private static final int MAX_PENDING = 4;
    private static final int EXTRA = 16;
    private static final String THROTTLED_BODY = "{\"__type\":\"ThrottlingException\",\"message\":\"You have exceeded "
            + "the rate at which you may call KMS. Reduce the frequency of your calls.\"}";

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    /** A permit per request that reached the API, i.e. was admitted. */
    private final Semaphore admitted = new Semaphore(0);
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void start() {
        start(ServerLimits.DEFAULTS.withMaxPendingRequests(MAX_PENDING));
    }

    private void start(ServerLimits limits) {
        if (server != null) {
            server.close();
        }
        Api api = new Api(new Kms(new InMemoryStore(), new MutableClock(), new Randomness()));
        server = HttpServer.start("127.0.0.1", 0, () -> {
            admitted.release();
            try {
                gate.get().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return api;
        }, new CallerResolver(TrentServer.ACCOUNT, TrentServer.REGION), limits);
    }

    @AfterEach
    void stop() {
        gate.get().countDown();
        clients.shutdownNow();
        server.close();
    }

    private Future<RawHttp.Answer> send(String operation) {
        return clients.submit(() -> {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(RawHttp.request(operation, "{}"));
                socket.getOutputStream().flush();
                return RawHttp.readAnswer(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void awaitNothingPending() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.pendingRequests() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(server.pendingRequests()).as("requests pending once all are answered").isZero();
    }

    @Test
    void requestsBeyondTheBoundAreThrottledAtOnceAndTheOthersServedRoundAfterRound() throws Exception {
        for (int round = 0; round < 5; round++) {
            CountDownLatch shut = new CountDownLatch(1);
            gate.set(shut);
            List<Future<RawHttp.Answer>> held = new ArrayList<>();
            for (int i = 0; i < MAX_PENDING; i++) {
                held.add(send("CreateKey"));
            }
            assertThat(admitted.tryAcquire(MAX_PENDING, 30, TimeUnit.SECONDS)).as("admitted requests").isTrue();
            assertThat(server.pendingRequests()).isEqualTo(MAX_PENDING);

            List<Future<RawHttp.Answer>> shed = new ArrayList<>();
            for (int i = 0; i < EXTRA; i++) {
                shed.add(send(i % 2 == 0 ? "ListKeys" : "CreateKey"));
            }
            for (Future<RawHttp.Answer> answer : shed) { // while the admitted ones are still held
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(new RawHttp.Answer(400, THROTTLED_BODY));
            }
            assertThat(held).noneMatch(Future::isDone);
            assertThat(admitted.availablePermits()).as("no throttled request reached the API").isZero();
            assertThat(server.pendingRequests()).as("the bound holds").isEqualTo(MAX_PENDING);

            shut.countDown();
            for (Future<RawHttp.Answer> answer : held) {
                RawHttp.Answer created = answer.get(30, TimeUnit.SECONDS);
                assertThat(created.status()).isEqualTo(200);
                assertThat(created.body()).contains("\"KeyId\"");
            }
            awaitNothingPending();
        }
    }

    @Test
    void theSdkSeesAThrottlingExceptionItRetries() throws Exception {
        CountDownLatch shut = new CountDownLatch(1);
        List<Future<RawHttp.Answer>> held = fillToTheBound(shut);

        try (KmsClient kms = KmsClients.client(URI.create("http://127.0.0.1:" + server.port()),
                TrentServer.ACCOUNT, TrentServer.REGION)) {
            KmsException e = AwsErrors.assertAwsError(kms::listKeys, KmsException.class, "ThrottlingException",
                    RequestDispatcher.THROTTLED);
            assertThat(e.isThrottlingException()).as("the SDK's retry policy treats it as throttling").isTrue();

            shut.countDown();
            for (Future<RawHttp.Answer> answer : held) {
                assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            awaitNothingPending();
            assertThat(kms.listKeys().keys()).isEmpty();
        }
    }

    @Test
    void onAKeepAliveConnectionAThrottledRequestLeavesTheConnectionUsable() throws Exception {
        CountDownLatch shut = new CountDownLatch(1);
        List<Future<RawHttp.Answer>> held = fillToTheBound(shut);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(RawHttp.request("ListKeys", "{}"));
            assertThat(RawHttp.readAnswer(socket.getInputStream())).isEqualTo(new RawHttp.Answer(400, THROTTLED_BODY));

            shut.countDown();
            for (Future<RawHttp.Answer> answer : held) {
                assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            awaitNothingPending();
            socket.getOutputStream().write(RawHttp.request("ListKeys", "{}"));
            assertThat(RawHttp.readAnswer(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    /**
     * Deadlines are for clients, not for Trent's own work: a request held longer than every deadline
     * is still answered. A silent connection, opened after the held request was admitted, marks
     * when the deadlines have passed: Trent closes it at its idle timeout.
     */
    @Test
    void noDeadlineCutsOffARequestTrentIsWorkingOn() throws Exception {
        Duration deadline = Duration.ofMillis(500);
        start(ServerLimits.DEFAULTS.withMaxPendingRequests(MAX_PENDING).withIdleTimeout(deadline)
                .withHeaderTimeout(deadline).withBodyTimeout(deadline));
        CountDownLatch shut = new CountDownLatch(1);
        gate.set(shut);
        Future<RawHttp.Answer> held = send("CreateKey");
        assertThat(admitted.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            assertThat(RawHttp.closedWithin(silent, Duration.ofSeconds(15))).isTrue();
        }
        shut.countDown();

        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    /** MAX_PENDING ListKeys requests, admitted and held at the shut gate until it opens. */
    private List<Future<RawHttp.Answer>> fillToTheBound(CountDownLatch shut) throws Exception {
        gate.set(shut);
        List<Future<RawHttp.Answer>> held = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            held.add(send("ListKeys"));
        }
        assertThat(admitted.tryAcquire(MAX_PENDING, 30, TimeUnit.SECONDS)).isTrue();
        return held;
    }
}
