package dev.trent.http;

import dev.trent.crypto.Randomness;
import dev.trent.kms.ErrorCode;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands one connection's requests (to KMS, or to Trent's own endpoints under {@code /_trent/}) to
 * the worker threads, one at a time and in order, so that slow requests never hold up the event
 * loops that serve every other connection; and sheds load: a request that finds {@link Admission}
 * full is answered at once with ThrottlingException, as AWS answers requests beyond a quota,
 * instead of waiting in a queue that grows without bound.
 *
 * <p>A worker hands its answer back to the event loop in one task, which writes it and takes the
 * connection's next request. The connection keeps reading meanwhile: clients send their next
 * request after the answer, and pausing reads for each request cost two changes of the selector's
 * interest per request. Only a client that sends requests ahead of its answers (HTTP pipelining)
 * has its reads paused, once {@link #MAX_AHEAD} wait, so that what it sends then waits in TCP's
 * buffers rather than in memory.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    /** AWS KMS's message (developer guide, "Throttling AWS KMS requests"). */
    static final String THROTTLED = "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.";
    /** Requests a connection may have waiting behind the one being served before its reads pause. */
    static final int MAX_AHEAD = 4;

    private final KmsRequestHandler handler;
    private final AdminRequestHandler admin;
    private final Admission admission;
    private final Executor workers;
    /** Requests a client sent ahead (HTTP pipelining), which must be answered in order. */
    private final Deque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    RequestDispatcher(KmsRequestHandler handler, AdminRequestHandler admin, Admission admission, Executor workers) {
        this.handler = handler;
        this.admin = admin;
        this.admission = admission;
        this.workers = workers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (busy) {
            waiting.add(request);
            if (waiting.size() >= MAX_AHEAD) {
                ctx.channel().config().setAutoRead(false);
            }
        } else {
            dispatch(ctx, request);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!admission.tryEnter()) {
            request.release();
            ctx.writeAndFlush(handler.error(ErrorCode.THROTTLING, THROTTLED, Randomness.publicUuid()));
            next(ctx);
            return;
        }
        busy = true;
        try {
            workers.execute(() -> serve(ctx, request));
        } catch (RejectedExecutionException e) { // Trent is stopping
            busy = false;
            admission.leave();
            request.release();
            ctx.close();
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response = null;
        boolean active = ctx.channel().isActive(); // a client that gave up costs no work
        try {
            if (active) {
                response = AdminRequestHandler.handles(request) ? admin.answer(request) : handler.answer(ctx, request);
            }
        } finally {
            request.release();
            admission.leave();
            FullHttpResponse answer = response;
            try {
                ctx.executor().execute(() -> answered(ctx, answer, active));
            } catch (RejectedExecutionException e) {
                if (answer != null) {
                    answer.release(); // Trent is stopping: the connection goes with it
                }
            }
        }
    }

    /** On the event loop: writes the answer (none closes the connection) and takes the next request. */
    private void answered(ChannelHandlerContext ctx, FullHttpResponse response, boolean active) {
        busy = false;
        if (response != null) {
            ChannelFuture written = ctx.writeAndFlush(response);
            if (!HttpUtil.isKeepAlive(response)) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        } else if (active) {
            ctx.close();
        }
        next(ctx);
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = waiting.poll();
        if (request != null) {
            dispatch(ctx, request);
        }
        if (!busy || waiting.size() < MAX_AHEAD) {
            ctx.channel().config().setAutoRead(true); // no change when reads were never paused
        }
    }

    /** Errors on the connection (a client gone mid-request, a malformed one) end here, as the handler's do. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        handler.exceptionCaught(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }
}
