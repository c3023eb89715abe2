package dev.trent.http;

import dev.trent.admin.AdminRequest;
import dev.trent.admin.AdminResponse;
import dev.trent.admin.AdminRoutes;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests under {@code /_trent/} as {@link AdminRequest}s for Trent's own routes, and their answers
 * as HTTP. (Minimal form for the web console's branch of issue 9; the test-control branch brings the
 * full one with the admin token.)
 */
final class AdminBridge {
    private static final Logger log = LoggerFactory.getLogger(AdminBridge.class);

    private final AdminRoutes routes;

    AdminBridge(AdminRoutes routes) {
        this.routes = routes;
    }

    FullHttpResponse answer(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> query = new HashMap<>();
        uri.parameters().forEach((name, values) -> query.put(name, values.get(0)));
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        AdminRequest admin = new AdminRequest(request.method().name(), uri.path(), query, headers,
                ByteBufUtil.getBytes(request.content()));
        AdminResponse response;
        try {
            response = routes.dispatch(admin)
                    .orElseGet(() -> AdminResponse.json(404, "{\"message\":\"Not found\"}"));
        } catch (RuntimeException e) {
            log.error("{} {} failed", admin.method(), admin.path(), e);
            response = AdminResponse.json(500, "{\"message\":\"Internal error\"}");
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return http;
    }

    static boolean isAdmin(FullHttpRequest request) {
        return AdminRoutes.isAdminPath(new QueryStringDecoder(request.uri()).path());
    }
}
