package dev.trent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Keeps N keep-alive connections busy with one workload: each connection sends its next request as
 * soon as the previous response arrived and passed its check (closed loop). Requests are signed
 * before the clock starts; the timed loop only writes bytes, reads, parses and checks responses.
 * Only responses completed inside the measured window count; any failed check, non-200 status or
 * broken connection counts as an error, at any time, and never as throughput.
 */
final class LoadRun {
    /** signed requests per workload, cycled; enough that connections do not share one buffer */
    private static final int POOL = 256;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    record Result(String label, long completed, long errors, String firstError, double seconds,
            Histogram latencyNanos, double signMicros, double clientCpuMicros, double serverCpuMicros) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private final EventLoopGroup group;
    private final int connections;
    private final double warmupSeconds;
    private final double seconds;

    LoadRun(EventLoopGroup group, int connections, double warmupSeconds, double seconds) {
        this.group = group;
        this.connections = connections;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    Result run(RequestSigner signer, Workload workload) throws InterruptedException {
        return run(signer, workload, ServerCpu.NONE);
    }

    /** @param server the server's CPU time, read over the same window as the generator's own */
    Result run(RequestSigner signer, Workload workload, ServerCpu server) throws InterruptedException {
        int size = Math.max(POOL, workload.bodies().size());
        byte[][] pool = new byte[size][];
        long signStart = System.nanoTime();
        for (int i = 0; i < size; i++) {
            pool[i] = signer.rawRequest(workload.operation(), workload.bodies().get(i % workload.bodies().size()));
        }
        double signMicros = (System.nanoTime() - signStart) / 1000.0 / size;

        CountDownLatch done = new CountDownLatch(connections);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Connection> handlers = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        for (int i = 0; i < connections; i++) {
            Connection handler = new Connection(workload, pool, i % size, done, firstError);
            handlers.add(handler);
            channels.add(bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20), handler);
                }
            }).connect(signer.endpoint().getHost(), signer.endpoint().getPort()).sync().channel());
        }

        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long stopAt = measureFrom + (long) (seconds * 1e9);
        for (Connection handler : handlers) {
            handler.start(measureFrom, stopAt);
        }
        long cpuStart = processCpuNanos();
        // the server's CPU over the measured window only: the warm-up's includes the JIT's compiling
        long untilMeasured = measureFrom - System.nanoTime();
        if (untilMeasured > 0) {
            TimeUnit.NANOSECONDS.sleep(untilMeasured);
        }
        long serverStart = server.nanos();
        boolean finished = done.await((long) ((warmupSeconds + seconds) * 1000) + 30_000, TimeUnit.MILLISECONDS);
        // the generator's own CPU per request, warm-up included: what it takes from the server's cores
        long cpuNanos = processCpuNanos() - cpuStart;
        long serverEnd = server.nanos();
        for (Channel channel : channels) {
            channel.close().await();
        }
        Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        long completed = 0;
        long errors = finished ? 0 : 1;
        if (!finished) {
            firstError.compareAndSet(null, "connections still waiting 30 s after the end");
        }
        for (Connection handler : handlers) {
            synchronized (handler) {
                latency.add(handler.latency);
                completed += handler.completed;
                errors += handler.errors;
            }
        }
        long requests = Math.max(1, sent(handlers));
        return new Result(workload.label(), completed, errors, firstError.get(), seconds, latency, signMicros,
                cpuNanos / 1000.0 / requests,
                serverStart < 0 || serverEnd < 0 ? Double.NaN
                        : (serverEnd - serverStart) / 1000.0 / Math.max(1, completed));
    }

    private static long sent(List<Connection> handlers) {
        long sent = 0;
        for (Connection handler : handlers) {
            synchronized (handler) {
                sent += handler.sent;
            }
        }
        return sent;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One connection's closed loop; all its fields are touched by its event loop thread only. */
    private static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Workload workload;
        private final byte[][] pool;
        private final CountDownLatch done;
        private final AtomicReference<String> firstError;
        private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        private int next;
        private int current;
        private long sentAt;
        private long measureFrom;
        private long stopAt;
        private long completed;
        private long errors;
        private long sent;
        private boolean finished;
        private ChannelHandlerContext ctx;

        Connection(Workload workload, byte[][] pool, int first, CountDownLatch done, AtomicReference<String> firstError) {
            this.workload = workload;
            this.pool = pool;
            this.next = first;
            this.done = done;
            this.firstError = firstError;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        void start(long from, long stop) {
            ctx.executor().execute(() -> {
                measureFrom = from;
                stopAt = stop;
                send();
            });
        }

        private void send() {
            current = next;
            next = (next + 1) % pool.length;
            sentAt = System.nanoTime();
            synchronized (this) {
                sent++;
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(pool[current]));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            String problem = problem(response);
            synchronized (this) {
                if (problem != null) {
                    errors++;
                    firstError.compareAndSet(null, workload.label() + ": " + problem);
                } else if (now >= measureFrom && now <= stopAt) {
                    completed++;
                    latency.recordValue(Math.min(now - sentAt, HIGHEST_NANOS));
                }
            }
            if (now < stopAt) {
                send();
            } else {
                finish();
            }
        }

        private String problem(FullHttpResponse response) {
            String body = null;
            try {
                if (response.status().code() != 200) {
                    body = response.content().toString(java.nio.charset.StandardCharsets.UTF_8);
                    return "HTTP " + response.status().code() + " " + shorten(body);
                }
                JsonNode json = KmsCaller.JSON.readTree((java.io.InputStream) new ByteBufInputStream(response.content()));
                int index = current % workload.bodies().size();
                return workload.checks().get(index).test(json) ? null : "response failed its check: " + shorten(json.toString());
            } catch (IOException e) {
                return "response is not JSON: " + e.getMessage();
            }
        }

        private static String shorten(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "...";
        }

        private void finish() {
            if (!finished) {
                finished = true;
                done.countDown();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!finished) {
                synchronized (this) {
                    errors++;
                }
                firstError.compareAndSet(null, workload.label() + ": the server closed a connection");
                finish();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            synchronized (this) {
                errors++;
            }
            firstError.compareAndSet(null, workload.label() + ": " + cause);
            finish();
            ctx.close();
        }
    }
}
