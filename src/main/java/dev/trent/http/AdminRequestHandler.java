package dev.trent.http;

import dev.trent.admin.AdminEndpoint;
import dev.trent.admin.AdminRequest;
import dev.trent.admin.AdminResponse;
import dev.trent.admin.AdminRoutes;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Adapts a request under {@code /_trent/} to Trent's own endpoints, which know nothing of Netty. */
final class AdminRequestHandler {
    private final AdminEndpoint endpoint;

    AdminRequestHandler(AdminEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether the request is for Trent's own endpoints rather than KMS. */
    static boolean handles(FullHttpRequest request) {
        return request.decoderResult().isSuccess()
                && AdminRoutes.isAdminPath(new QueryStringDecoder(request.uri()).path());
    }

    FullHttpResponse answer(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : uri.parameters().entrySet()) {
            query.put(parameter.getKey(), parameter.getValue().get(0));
        }
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
                header.getValue()));
        AdminResponse answer = endpoint.serve(new AdminRequest(request.method().name(), uri.path(), query, headers,
                ByteBufUtil.getBytes(request.content())));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }
}
