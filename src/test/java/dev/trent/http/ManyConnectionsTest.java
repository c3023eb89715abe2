package dev.trent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.trent.support.KmsClients;
import dev.trent.support.TrentProcess;
import dev.trent.support.TrentServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Ten thousand idle keep-alive connections cost Trent nothing another client would notice: they
 * stay open, and a second client's requests are answered as usual. Trent runs in a child JVM so
 * that the test's sockets and Trent's each count against their own process's file limit.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 10_000;
    /** One connection in this many sends a request before going idle. */
    private static final int ACTIVE_EVERY = 50;

    @Test
    void tenThousandIdleConnectionsAreHeldWhileAnotherClientIsServed() throws IOException {
        long fileLimit = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        assertThat(fileLimit).as("this JVM's open file limit (ulimit -n) must leave room for %d sockets",
                CONNECTIONS).isGreaterThan(CONNECTIONS + 1_000L);

        // a long idle timeout: the connections must outlive the test however busy the machine is
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--idle-timeout", "600")) {
            InetSocketAddress address = new InetSocketAddress(trent.endpoint().getHost(), trent.endpoint().getPort());
            List<SocketChannel> connections = new ArrayList<>(CONNECTIONS);
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    connections.add(SocketChannel.open(address));
                }
                for (int i = 0; i < CONNECTIONS; i += ACTIVE_EVERY) {
                    assertThat(ask(connections.get(i)).status()).isEqualTo(200);
                }

                try (KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
                    String keyId = kms.createKey().keyMetadata().keyId();
                    for (int i = 0; i < 20; i++) {
                        SdkBytes plaintext = SdkBytes.fromUtf8String("request " + i);
                        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
                        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);
                    }
                    assertThat(kms.listKeys().keys()).hasSize(1);
                }

                ByteBuffer probe = ByteBuffer.allocate(1);
                for (SocketChannel connection : connections) {
                    connection.configureBlocking(false);
                    assertThat(connection.read(probe)).as("an idle connection is still open").isZero();
                    connection.configureBlocking(true);
                }
                for (int i = ACTIVE_EVERY / 2; i < CONNECTIONS; i += ACTIVE_EVERY) { // idle until now
                    assertThat(ask(connections.get(i)).status()).isEqualTo(200);
                }
            } finally {
                for (SocketChannel connection : connections) {
                    connection.close();
                }
            }
        }
    }

    private static RawHttp.Answer ask(SocketChannel connection) throws IOException {
        connection.write(ByteBuffer.wrap(RawHttp.request("ListKeys", "{}")));
        return RawHttp.readAnswer(Channels.newInputStream(connection));
    }
}
