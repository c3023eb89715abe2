package dev.trent.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's deadlines: waiting for a request (idle), receiving its head, receiving its body.
 * Each is a fixed deadline, not reset by every byte, so a client trickling a byte every few seconds
 * (slowloris) is cut off as surely as a silent one. No deadline runs while Trent works on a request.
 * Its two handlers sit before the HTTP codec (to see a request's first byte) and after it (to see
 * where its head and body end, and when the response leaves); all of it runs on the connection's
 * event loop. A client may send requests ahead of its answers (HTTP pipelining): the connection
 * turns idle only when every request it began has its answer.
 */
final class ConnectionDeadlines {
    private static final Logger log = LoggerFactory.getLogger(ConnectionDeadlines.class);

    private enum Phase { IDLE, HEAD, BODY, BUSY }

    private final ServerLimits limits;
    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> deadline;
    /** Requests whose head has arrived and whose answer has not left. */
    private int unanswered;

    ConnectionDeadlines(ServerLimits limits) {
        this.limits = limits;
    }

    /** Goes before the HTTP codec. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                enter(ctx, Phase.IDLE, limits.idleTimeout());
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (phase == Phase.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    enter(ctx, Phase.HEAD, limits.headerTimeout());
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    /** Goes after the HTTP codec, before the aggregator. */
    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    unanswered++;
                    enter(ctx, Phase.BODY, limits.bodyTimeout());
                }
                if (msg instanceof LastHttpContent) {
                    cancel();
                    phase = Phase.BUSY;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                // 100 Continue is only a go-ahead for the body still to come
                if (msg instanceof HttpResponse response && response.status() != HttpResponseStatus.CONTINUE) {
                    unanswered = Math.max(0, unanswered - 1);
                    if (unanswered == 0) {
                        enter(ctx, Phase.IDLE, limits.idleTimeout());
                    } // else the next request is still arriving (its deadline runs) or waits for a worker
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void enter(ChannelHandlerContext ctx, Phase next, Duration timeout) {
        cancel();
        phase = next;
        deadline = ctx.executor().schedule(() -> expire(ctx, next), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx, Phase expired) {
        if (phase == expired && ctx.channel().isActive()) {
            log.debug("Closing connection {}: {} deadline passed", ctx.channel().remoteAddress(), expired);
            ctx.close();
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
