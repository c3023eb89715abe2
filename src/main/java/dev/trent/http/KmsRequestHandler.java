package dev.trent.http;

import dev.trent.api.Api;
import dev.trent.api.Connection;
import dev.trent.api.ConnectionDrop;
import dev.trent.api.Operation;
import dev.trent.api.RequestObserver;
import dev.trent.api.RequestTrace;
import dev.trent.api.ServedRequest;
import dev.trent.auth.AuthException;
import dev.trent.auth.AuthRequest;
import dev.trent.auth.Authenticator;
import dev.trent.auth.Caller;
import dev.trent.crypto.Randomness;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KmsException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One KMS request: {@code POST /} with {@code X-Amz-Target: TrentService.OPERATION} and an AWS JSON
 * 1.1 body, answered with the response shape or AWS's error envelope.
 */
final class KmsRequestHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "TrentService.";
    private static final Logger log = LoggerFactory.getLogger(KmsRequestHandler.class);

    private final Supplier<Api> api;
    private final JsonCodec codec;
    private final Authenticator callers;
    private final RequestObserver observer;

    KmsRequestHandler(Supplier<Api> api, JsonCodec codec, Authenticator callers) {
        this(api, codec, callers, RequestObserver.NONE);
    }

    /** @param observer told of every request answered (the request log) */
    KmsRequestHandler(Supplier<Api> api, JsonCodec codec, Authenticator callers, RequestObserver observer) {
        this.api = api;
        this.codec = codec;
        this.callers = callers;
        this.observer = observer;
    }

    /** The answer to one request; null when the connection is to be closed without one. */
    FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = Randomness.publicUuid();
        if (request.decoderResult().isFailure()) {
            // Netty could not read it as HTTP (a bad Content-Length, a header line over the limit):
            // answer, then close, as where the next request would start is unknown.
            FullHttpResponse response = error(ErrorCode.SERIALIZATION, "The request is not valid HTTP/1.1.", requestId);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
        RequestTrace trace = new RequestTrace(requestId);
        FullHttpResponse response;
        String result = ServedRequest.OK;
        try {
            response = ok(answerBody(request, trace, connection(ctx)), requestId);
        } catch (KmsException e) {
            response = error(e.code(), e.getMessage(), requestId);
            result = e.code().awsName();
        } catch (AuthException e) {
            response = response(HttpResponseStatus.valueOf(e.error().httpStatus()),
                    codec.writeError(e.error().awsName(), e.getMessage()), requestId);
            result = e.error().awsName();
        } catch (ConnectionDrop e) {
            observer.served(trace.served(ServedRequest.CONNECTION_CLOSED));
            return null;
        } catch (RuntimeException e) {
            log.error("Request {} ({}) failed", requestId, request.headers().get("X-Amz-Target"), e);
            response = error(ErrorCode.INTERNAL, INTERNAL_MESSAGE, requestId);
            result = ErrorCode.INTERNAL.awsName();
        }
        observer.served(trace.served(result));
        return response;
    }

    /** AWS's text for KMSInternalException (its API reference). */
    static final String INTERNAL_MESSAGE =
            "The request was rejected because an internal exception occurred. The request can be retried.";

    /** The client's address, for aws:SourceIp, and whether it came over TLS, for aws:SecureTransport. */
    private static Connection connection(ChannelHandlerContext ctx) {
        boolean secure = ctx.pipeline().get(SslHandler.class) != null;
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? new Connection(address.getAddress().getHostAddress(), secure)
                : new Connection(null, secure);
    }

    private byte[] answerBody(FullHttpRequest request, RequestTrace trace, Connection connection) {
        Operation op = operation(request)
                .orElseThrow(() -> new KmsException(ErrorCode.UNKNOWN_OPERATION, null));
        trace.operation(op);
        byte[] body = ByteBufUtil.getBytes(request.content());
        Caller caller = callers.authenticate(authRequest(request, body));
        trace.caller(caller);
        SdkPojo result = api.get().call(caller, connection, op, trace, builder -> codec.read(body, builder));
        return codec.write(result);
    }

    private static AuthRequest authRequest(FullHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(header -> headers
                .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                .add(header.getValue()));
        String path = request.uri();
        int query = path.indexOf('?');
        return new AuthRequest(request.method().name(), query < 0 ? path : path.substring(0, query), headers, body);
    }

    /** The operation a request names, if it is a KMS request at all. */
    private static Optional<Operation> operation(FullHttpRequest request) {
        if (request.method() != HttpMethod.POST || !request.uri().equals("/")) {
            return Optional.empty();
        }
        String target = request.headers().get("X-Amz-Target");
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (target == null || !target.startsWith(TARGET_PREFIX) || !jsonContent(contentType)) {
            return Optional.empty();
        }
        return Operation.named(target.substring(TARGET_PREFIX.length()));
    }

    private static boolean jsonContent(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase(CONTENT_TYPE) || type.equalsIgnoreCase("application/json");
    }

    private static FullHttpResponse ok(byte[] body, String requestId) {
        return response(HttpResponseStatus.OK, body, requestId);
    }

    FullHttpResponse error(ErrorCode code, String message, String requestId) {
        return response(ErrorStatus.of(code), codec.writeError(code.awsName(), message), requestId);
    }

    /** A KMS answer: AWS JSON 1.1 content type, length and request id. */
    static FullHttpResponse response(HttpResponseStatus status, byte[] body, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("x-amzn-RequestId", requestId);
        return response;
    }

    void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection {} closed after an error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
