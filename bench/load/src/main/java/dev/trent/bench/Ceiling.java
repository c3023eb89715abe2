package dev.trent.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.Map;

/**
 * The ceiling: a minimal Netty HTTP server that reads each request whole and answers every one with
 * the same valid EncryptResponse (a 1 KB plaintext's ciphertext size), doing no work. What the load
 * generator reaches against it is what this machine's loopback, Netty and the generator allow.
 * Usage: Ceiling [--port P]; prints "listening on http://127.0.0.1:P".
 */
public final class Ceiling {
    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 0;
        byte[] ciphertext = new byte[1024 + 138]; // as long as Trent's blob for 1 KB (docs/ciphertext-format.md)
        new java.util.Random(1).nextBytes(ciphertext);
        byte[] json = KmsCaller.JSON.writeValueAsBytes(Map.of(
                "CiphertextBlob", Base64.getEncoder().encodeToString(ciphertext),
                "KeyId", "arn:aws:kms:us-east-1:111122223333:key/8b5b2e83-4a3e-4c3c-9d1e-2c4a3e5b6f70",
                "EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
        ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(json.length).writeBytes(json));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Fixed(body));
                    }
                }).bind("127.0.0.1", port).sync().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        System.out.println("Ceiling listening on http://127.0.0.1:" + bound);
        System.out.flush();
        server.closeFuture().sync();
    }

    private static final class Fixed extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ByteBuf body;

        Fixed(ByteBuf body) {
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    body.duplicate());
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            ctx.writeAndFlush(response);
        }
    }
}
