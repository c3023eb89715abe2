package dev.trent.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs each workload against Trent for T seconds at N connections, the ceiling's Encrypt 1 KB
 * before and after them, and prints a Markdown table with each figure's ratio to the ceiling.
 * Exits 1 when any response failed its check.
 */
public final class Load {
    private Load() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI trent = URI.create(required(options, "trent"));
        URI ceiling = URI.create(required(options, "ceiling"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "2"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        String accessKey = required(options, "access-key");
        String secretKey = required(options, "secret-key");
        String region = options.getOrDefault("region", "us-east-1");
        long ticks = Long.parseLong(options.getOrDefault("clock-ticks", "100"));
        ServerCpu trentCpu = ServerCpu.of(options.get("trent-pid"), ticks);
        ServerCpu ceilingCpu = ServerCpu.of(options.get("ceiling-pid"), ticks);
        List<String> only = options.containsKey("only")
                ? Arrays.asList(options.get("only").split(",")) : List.of();

        RequestSigner trentSigner = new RequestSigner(trent, accessKey, secretKey, region);
        RequestSigner ceilingSigner = new RequestSigner(ceiling, accessKey, secretKey, region);
        Map<String, Workload> workloads = new Workloads(new KmsCaller(trentSigner)).all();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        try {
            LoadRun load = new LoadRun(group, connections, warmup, seconds);
            List<LoadRun.Result> ceilings = new ArrayList<>();
            List<LoadRun.Result> results = new ArrayList<>();
            // A first untimed pass over every workload, so that no row is measured on a cold JIT
            // (neither Trent's nor the generator's) just because it comes early in the table.
            LoadRun warmupPass = new LoadRun(group, connections, 0, warmup);
            warmupPass.run(ceilingSigner, Workloads.ceilingEncrypt());
            for (Workload workload : workloads.values()) {
                if (only.isEmpty() || only.contains(workload.label())) {
                    System.err.println("warming up " + workload.label());
                    warmupPass.run(trentSigner, workload);
                }
            }
            ceilings.add(progress(load.run(ceilingSigner, Workloads.ceilingEncrypt(), ceilingCpu)));
            for (Workload workload : workloads.values()) {
                if (only.isEmpty() || only.contains(workload.label())) {
                    results.add(progress(load.run(trentSigner, workload, trentCpu)));
                }
            }
            ceilings.add(progress(load.run(ceilingSigner, Workloads.ceilingEncrypt(), ceilingCpu)));
            System.out.print(table(ceilings, results, connections, seconds));
            long errors = results.stream().mapToLong(LoadRun.Result::errors).sum()
                    + ceilings.stream().mapToLong(LoadRun.Result::errors).sum();
            for (LoadRun.Result result : results) {
                if (result.firstError() != null) {
                    System.out.println("\nFirst error of " + result.label() + ": " + result.firstError());
                }
            }
            System.exit(errors == 0 ? 0 : 1);
        } finally {
            group.shutdownGracefully();
        }
    }

    private static LoadRun.Result progress(LoadRun.Result result) {
        System.err.printf(Locale.ROOT, "%-22s %9.0f req/s  p99 %s ms  errors %d  generator CPU %.0f us/request"
                + "  server CPU %.0f us/request  (signing %.0f us/request, before the clock)%n",
                result.label(), result.perSecond(), millis(result.latencyNanos().getValueAtPercentile(99)),
                result.errors(), result.clientCpuMicros(), result.serverCpuMicros(), result.signMicros());
        return result;
    }

    static String table(List<LoadRun.Result> ceilings, List<LoadRun.Result> results, int connections, double seconds) {
        // The ceiling is the better of its two runs, so that no ratio is flattered by a slow one.
        LoadRun.Result ceiling = ceilings.stream()
                .max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d connections, %s s per operation%n%n", connections, trim(seconds)));
        out.append("| operation | req/s | p50 ms | p99 ms | p99.9 ms | errors | ratio to ceiling | generator CPU us/req "
                + "| server CPU us/req |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < ceilings.size(); i++) {
            row(out, "ceiling (fixed Encrypt response), run " + (i + 1), ceilings.get(i), ceiling);
        }
        for (LoadRun.Result result : results) {
            row(out, result.label(), result, ceiling);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, LoadRun.Result result, LoadRun.Result ceiling) {
        String ratio = ceiling.perSecond() > 0
                ? String.format(Locale.ROOT, "%.2f", result.perSecond() / ceiling.perSecond()) : "n/a";
        String server = Double.isNaN(result.serverCpuMicros()) ? "n/a"
                : String.format(Locale.ROOT, "%.0f", result.serverCpuMicros());
        out.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %d | %s | %.0f | %s |%n", label, result.perSecond(),
                millis(result.latencyNanos().getValueAtPercentile(50)),
                millis(result.latencyNanos().getValueAtPercentile(99)),
                millis(result.latencyNanos().getValueAtPercentile(99.9)),
                result.errors(), ratio, result.clientCpuMicros(), server));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: Load --trent URL --ceiling URL --access-key K --secret-key S"
                        + " [--connections 64] [--seconds 10] [--warmup 2] [--threads 2] [--region us-east-1]"
                        + " [--only 'Encrypt 1 KB,Decrypt 1 KB']");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
