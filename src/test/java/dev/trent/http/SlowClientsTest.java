package dev.trent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.support.KmsClients;
import dev.trent.support.TrentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Idle and slow connections are closed at their deadlines, fixed ones that a byte now and then does
 * not push back, while well-behaved clients are served as usual. Each test waits for the close with
 * a bound several times the deadline, and picks the other deadlines so long that only the one under
 * test can have closed the connection.
 */
class SlowClientsTest {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);
    /** Far beyond the short deadline and far below the long ones. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    private static Trent start(ServerLimits limits) {
        return new Trent(Config.defaults().withPort(0).withLimits(limits)).start();
    }

    private static KmsClient client(Trent trent) {
        return KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION);
    }

    /** Sends one byte of {@code bytes} every 100 ms, from a daemon thread, until the socket fails. */
    private static AtomicInteger trickle(Socket socket, byte[] bytes) {
        AtomicInteger sent = new AtomicInteger();
        Thread thread = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < bytes.length; i++) {
                    out.write(bytes[i]);
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(100); // the client's pace, not a measure of Trent
                }
            } catch (IOException | InterruptedException e) {
                // closed by Trent: what the test waits for
            }
        }, "slowloris");
        thread.setDaemon(true);
        thread.start();
        return sent;
    }

    /** A head that would take a minute at a byte per 100 ms. */
    private static byte[] endlessHead() {
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: localhost\r\n");
        while (head.length() < 600) {
            head.append("X-Padding: slow\r\n");
        }
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aClientTricklingItsHeadIsCutOffAtTheHeaderDeadlineWhileOthersAreServed() throws IOException {
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(LONG).withHeaderTimeout(SHORT)
                        .withBodyTimeout(LONG));
                KmsClient kms = client(trent);
                Socket slow = new Socket("127.0.0.1", trent.port())) {
            AtomicInteger sent = trickle(slow, endlessHead());

            String keyId = kms.createKey().keyMetadata().keyId();
            SdkBytes plaintext = SdkBytes.fromUtf8String("served while a slow client trickles");
            SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();

            assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);
            assertThat(RawHttp.closedWithin(slow, BOUND)).as("slow head cut off").isTrue();
            assertThat(sent.get()).as("bytes sent before the cut").isLessThan(endlessHead().length);
            assertThat(kms.listKeys().keys()).extracting(k -> k.keyId()).contains(keyId);
        }
    }

    @Test
    void aClientTricklingItsBodyIsCutOffAtTheBodyDeadline() throws IOException {
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(LONG).withHeaderTimeout(LONG)
                        .withBodyTimeout(SHORT));
                KmsClient kms = client(trent);
                Socket slow = new Socket("127.0.0.1", trent.port())) {
            byte[] body = "{\"Description\":\"                                                               \"}"
                    .repeat(8).getBytes(StandardCharsets.UTF_8);
            OutputStream out = slow.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: TrentService.CreateKey\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicInteger sent = trickle(slow, body);

            assertThat(kms.listKeys().keys()).isEmpty();
            assertThat(RawHttp.closedWithin(slow, BOUND)).as("slow body cut off").isTrue();
            assertThat(sent.get()).as("bytes sent before the cut").isLessThan(body.length);
            assertThat(kms.listKeys().keys()).as("the cut request did nothing").isEmpty();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(SHORT).withHeaderTimeout(LONG)
                        .withBodyTimeout(LONG));
                Socket socket = new Socket("127.0.0.1", trent.port())) {
            socket.getOutputStream().write(RawHttp.request("ListKeys", "{}"));
            socket.getOutputStream().flush();
            RawHttp.Answer answer = RawHttp.readAnswer(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(RawHttp.closedWithin(socket, BOUND)).as("idle connection closed").isTrue();
        }
    }

    @Test
    void aConnectionThatNeverSendsIsClosedAfterTheIdleTimeout() throws IOException {
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(SHORT).withHeaderTimeout(LONG)
                        .withBodyTimeout(LONG));
                Socket socket = new Socket("127.0.0.1", trent.port())) {
            assertThat(RawHttp.closedWithin(socket, BOUND)).as("silent connection closed").isTrue();
        }
    }

    @Test
    void aKeepAliveClientIsServedRequestAfterRequestOnOneConnection() throws IOException {
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(LONG).withHeaderTimeout(SHORT)
                        .withBodyTimeout(SHORT));
                Socket socket = new Socket("127.0.0.1", trent.port())) {
            for (int i = 0; i < 20; i++) {
                socket.getOutputStream().write(RawHttp.request("CreateKey", "{}"));
                socket.getOutputStream().flush();
                assertThat(RawHttp.readAnswer(socket.getInputStream()).status()).isEqualTo(200);
            }
            // sent together (pipelined): answered in order, both
            byte[] one = RawHttp.request("ListKeys", "{\"Limit\":1}");
            byte[] two = RawHttp.request("ListKeys", "{\"Limit\":2}");
            byte[] both = new byte[one.length + two.length];
            System.arraycopy(one, 0, both, 0, one.length);
            System.arraycopy(two, 0, both, one.length, two.length);
            socket.getOutputStream().write(both);
            socket.getOutputStream().flush();
            RawHttp.Answer first = RawHttp.readAnswer(socket.getInputStream());
            RawHttp.Answer second = RawHttp.readAnswer(socket.getInputStream());
            assertThat(first.body().split("\"KeyId\"", -1)).hasSize(2);
            assertThat(second.body().split("\"KeyId\"", -1)).hasSize(3);
        }
    }

    @Test
    void aClientThatSendsManyRequestsAheadHasEachAnsweredInOrder() throws IOException {
        // more requests ahead than a connection may have waiting before its reads pause
        int count = 5 * RequestDispatcher.MAX_AHEAD;
        try (Trent trent = start(ServerLimits.DEFAULTS.withIdleTimeout(SHORT).withHeaderTimeout(SHORT)
                        .withBodyTimeout(SHORT));
                Socket socket = new Socket("127.0.0.1", trent.port())) {
            for (int i = 0; i < count; i++) {
                socket.getOutputStream().write(RawHttp.request("CreateKey", "{\"Description\":\"key " + i + "\"}"));
            }
            socket.getOutputStream().flush();
            for (int i = 0; i < count; i++) {
                RawHttp.Answer answer = RawHttp.readAnswer(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).contains("\"Description\":\"key " + i + "\"");
            }
            // then idle: closed at the idle deadline as any other connection
            assertThat(RawHttp.closedWithin(socket, BOUND)).as("idle connection closed").isTrue();
        }
    }
}
