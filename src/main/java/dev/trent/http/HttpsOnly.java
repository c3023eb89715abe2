package dev.trent.http;

import dev.trent.tls.TlsException;
import dev.trent.tls.TlsIdentity;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The front of an HTTPS connection: looks at its first bytes and puts TLS in its own place when
 * they begin a TLS record; a client speaking plain HTTP to the HTTPS port gets a 400 that says so
 * (as nginx answers) and the connection closes, instead of a handshake error it cannot read.
 */
final class HttpsOnly extends ByteToMessageDecoder {
    /** A TLS record header's length: what {@link SslHandler#isEncrypted} needs to decide. */
    private static final int RECORD_HEADER = 5;
    private static final byte[] PLAIN_HTTP_ANSWER = answer(
            "{\"message\":\"This port speaks HTTPS: send the request to https:// instead of http://\"}");

    private final SslContext context;
    private boolean refused;

    private HttpsOnly(SslContext context) {
        this.context = context;
    }

    /** One context for every connection of a server (it caches sessions and holds the key). */
    static Supplier<HttpsOnly> forIdentity(TlsIdentity identity) {
        SslContext context;
        try {
            context = SslContextBuilder.forServer(identity.key(), identity.chain().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsException("The certificate and key cannot serve TLS: " + e.getMessage(), e);
        }
        return () -> new HttpsOnly(context);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < RECORD_HEADER) {
            return;
        }
        if (SslHandler.isEncrypted(in, false)) {
            // the bytes read so far go on to the TLS handler as this one leaves
            ctx.pipeline().replace(this, "tls", context.newHandler(ctx.alloc()));
        } else {
            refused = true;
            in.skipBytes(in.readableBytes());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PLAIN_HTTP_ANSWER)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static byte[] answer(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] answer = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, answer, 0, head.length());
        System.arraycopy(body, 0, answer, head.length(), body.length);
        return answer;
    }
}
