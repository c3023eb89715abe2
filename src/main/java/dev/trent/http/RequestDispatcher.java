package dev.trent.http;

import dev.trent.kms.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands one connection's requests (to KMS, or to Trent's own endpoints under {@code /_trent/}) to the worker threads, one at a time and in order, so that slow
 * requests never hold up the event loops that serve every other connection; and sheds load: a
 * request that finds {@link Admission} full is answered at once with ThrottlingException, as AWS
 * answers requests beyond a quota, instead of waiting in a queue that grows without bound.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    /** AWS KMS's message (developer guide, "Throttling AWS KMS requests"). */
    static final String THROTTLED = "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.";

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
        } else {
            dispatch(ctx, request);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!admission.tryEnter()) {
            request.release();
            ctx.writeAndFlush(handler.error(ErrorCode.THROTTLING, THROTTLED, UUID.randomUUID().toString()));
            next(ctx);
            return;
        }
        busy = true;
        // Read no more from this client until it has its answer: what it sends meanwhile waits in TCP's buffers.
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> serve(ctx, request));
        } catch (RejectedExecutionException e) { // Trent is stopping
            admission.leave();
            request.release();
            ctx.close();
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            if (!ctx.channel().isActive()) { // a client that gave up costs no work
                return;
            }
            if (AdminRequestHandler.handles(request)) {
                admin.serve(ctx, request);
            } else {
                handler.channelRead0(ctx, request);
            }
        } finally {
            request.release();
            admission.leave();
            try { // after the response's write, which the handler queued on the event loop already
                ctx.executor().execute(() -> {
                    busy = false;
                    next(ctx);
                });
            } catch (RejectedExecutionException e) {
                // Trent is stopping: the connection goes with it
            }
        }
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = waiting.poll();
        if (request != null) {
            dispatch(ctx, request);
        } else if (!busy) {
            ctx.channel().config().setAutoRead(true);
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
