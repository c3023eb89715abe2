package dev.trent.http;

import dev.trent.crypto.Randomness;
import dev.trent.kms.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Whole requests up to a maximum body size; a larger one is answered with 413 and AWS's error
 * envelope as soon as its Content-Length (or its chunks so far) pass the limit, and the rest of its
 * body is read and dropped, never buffered. The connection stays open unless the client asked
 * to close it, so that the client always reads the answer.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int maxBytes;
    private final JsonCodec codec;

    BodyLimit(int maxBytes, JsonCodec codec) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.codec = codec;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        byte[] body = codec.writeError(ErrorCode.VALIDATION.awsName(),
                "The request body is larger than the maximum of " + maxBytes + " bytes.");
        FullHttpResponse response = KmsRequestHandler.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, body,
                Randomness.publicUuid());
        boolean keepAlive = HttpUtil.isKeepAlive(oversized);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.writeAndFlush(response)
                .addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }
}
