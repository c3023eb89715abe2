package dev.trent.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trent.api.Api;
import dev.trent.auth.CallerResolver;
import dev.trent.crypto.Randomness;
import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.store.InMemoryStore;
import dev.trent.store.Store;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failure Trent did not foresee: the client gets KMSInternalException and a 500, the log gets the cause. */
class InternalErrorTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger handlerLogger = (Logger) LoggerFactory.getLogger(KmsRequestHandler.class);

    /** A store whose disk is on fire. */
    private static Store brokenStore() {
        Store working = new InMemoryStore();
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("key")) {
                        throw new IllegalStateException("the disk is on fire");
                    }
                    return method.invoke(working, args);
                });
    }

    @BeforeEach
    void captureLog() {
        log.start();
        handlerLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        handlerLogger.detachAppender(log);
    }

    @Test
    void answersKmsInternalExceptionWithoutAStackTraceAndLogsTheCause() {
        Api api = new Api(new Kms(brokenStore(), new MutableClock(), new Randomness()));
        KmsRequestHandler handler = new KmsRequestHandler(() -> api, new JsonCodec(),
                new CallerResolver("000000000000", "us-east-1"));
        EmbeddedChannel channel = new EmbeddedChannel(
                new RequestDispatcher(handler, new AdminRequestHandler(null), new Admission(1), Runnable::run));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer("{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\"}", StandardCharsets.UTF_8));
        request.headers().set("X-Amz-Target", "TrentService.DescribeKey")
                .set("Content-Type", "application/x-amz-json-1.1");

        channel.writeInbound(request);
        channel.runPendingTasks(); // the answer, handed back to the event loop
        FullHttpResponse response = channel.readOutbound();

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"__type\":\"KMSInternalException\","
                + "\"message\":\"The request was rejected because an internal exception occurred. The request can be "
                + "retried.\"}");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("TrentService.DescribeKey");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the disk is on fire");
        });
        response.release();
    }
}
