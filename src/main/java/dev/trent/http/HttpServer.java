package dev.trent.http;

import dev.trent.api.Api;
import dev.trent.auth.Authenticator;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The Netty server: HTTP/1.1 with keep-alive, whole requests handed to the KMS handler. */
public final class HttpServer implements AutoCloseable {
    /**
     * Well above any valid KMS request (a 32 KiB policy, a 6 KiB ciphertext, in base64 and JSON);
     * AWS documents no request size limit for KMS.
     */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** @param api the API, waited for by the first requests when it is still being built */
    public static HttpServer start(String bind, int port, Supplier<Api> api, Authenticator callers) {
        JsonCodec codec = new JsonCodec();
        KmsRequestHandler handler = new KmsRequestHandler(api, codec, callers);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpServerKeepAliveHandler())
                                    .addLast(new BodyLimit(MAX_BODY_BYTES, codec))
                                    .addLast(handler);
                        }
                    })
                    .bind(bind, port)
                    .syncUninterruptibly()
                    .channel();
            return new HttpServer(group, channel);
        } catch (Exception e) { // also the BindException that Netty rethrows unchecked
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
