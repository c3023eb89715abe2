package dev.trent.http;

import dev.trent.admin.AdminEndpoint;
import dev.trent.admin.AdminRoutes;
import dev.trent.api.Api;
import dev.trent.api.RequestObserver;
import dev.trent.auth.Authenticator;
import dev.trent.tls.TlsIdentity;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty server: HTTP/1.1 (or HTTPS) with keep-alive, deadlines for idle and slow clients, whole
 * requests handed on worker threads to the KMS handler (or, under {@code /_trent/}, to Trent's own
 * endpoints), and ThrottlingException beyond a bound on pending requests.
 */
public final class HttpServer implements AutoCloseable {
    /**
     * Well above any valid KMS request (a 32 KiB policy, a 6 KiB ciphertext, in base64 and JSON);
     * AWS documents no request size limit for KMS.
     */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;
    private final ExecutorService workers;
    private final Admission admission;

    private HttpServer(EventLoopGroup group, Channel channel, ExecutorService workers, Admission admission) {
        this.group = group;
        this.channel = channel;
        this.workers = workers;
        this.admission = admission;
    }

    /** @param api the API, waited for by the first requests when it is still being built */
    public static HttpServer start(String bind, int port, Supplier<Api> api, Authenticator callers) {
        return start(bind, port, api, callers, ServerLimits.DEFAULTS);
    }

    /** @param api the API, waited for by the first requests when it is still being built */
    public static HttpServer start(String bind, int port, Supplier<Api> api, Authenticator callers,
            ServerLimits limits) {
        return start(bind, port, api, callers, limits, new AdminEndpoint(new AdminRoutes(), null, false),
                RequestObserver.NONE, null);
    }

    /**
     * @param api the API, waited for by the first requests when it is still being built
     * @param admin serves the requests under {@code /_trent/}
     * @param observer told of every KMS request answered
     * @param tls what to show TLS clients; null for plain HTTP
     */
    public static HttpServer start(String bind, int port, Supplier<Api> api, Authenticator callers,
            ServerLimits limits, AdminEndpoint admin, RequestObserver observer, TlsIdentity tls) {
        Supplier<HttpsOnly> https = tls == null ? null : HttpsOnly.forIdentity(tls);
        JsonCodec codec = new JsonCodec();
        KmsRequestHandler handler = new KmsRequestHandler(api, codec, callers, observer);
        AdminRequestHandler adminHandler = new AdminRequestHandler(admin);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
        ExecutorService workers = Workers.create();
        Admission admission = new Admission(limits.maxPendingRequests());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ConnectionDeadlines deadlines = new ConnectionDeadlines(limits);
                            if (https != null) { // first: every handler after it sees plain HTTP
                                ch.pipeline().addLast(https.get());
                            }
                            ch.pipeline()
                                    .addLast(deadlines.bytes())
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpServerKeepAliveHandler())
                                    .addLast(deadlines.messages())
                                    .addLast(new BodyLimit(MAX_BODY_BYTES, codec))
                                    .addLast(new RequestDispatcher(handler, adminHandler, admission, workers));
                        }
                    })
                    .bind(bind, port)
                    .syncUninterruptibly()
                    .channel();
            return new HttpServer(group, channel, workers, admission);
        } catch (Exception e) { // also the BindException that Netty rethrows unchecked
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Requests in progress or waiting for a worker now (see {@link ServerLimits#maxPendingRequests()}). */
    public int pendingRequests() {
        return admission.pending();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        workers.shutdown();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }
}
