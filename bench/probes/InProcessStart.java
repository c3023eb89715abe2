import dev.trent.Config;
import dev.trent.Trent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a test suite waits for an in-process Trent: {@code new Trent(Config.defaults().withPort(0)).start()},
 * the first time in a JVM and then again (each test class of a suite starts its own), and the time
 * to the first ListKeys answer of each later one.
 *
 * <p>Usage: InProcessStart [RUNS]
 */
public final class InProcessStart {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long t0 = System.nanoTime();
        Trent first = new Trent(Config.defaults().withPort(0)).start();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        answer(first);
        first.close();
        List<Double> startMs = new ArrayList<>();
        List<Double> answerMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Trent trent = new Trent(Config.defaults().withPort(0)).start();
            startMs.add((System.nanoTime() - start) / 1e6);
            answer(trent);
            answerMs.add((System.nanoTime() - start) / 1e6);
            trent.close();
        }
        System.out.printf(Locale.ROOT, "in-process start, first in the JVM:       %7.1f ms%n", firstMs);
        System.out.printf(Locale.ROOT, "in-process start, later (median of %d):   %7.1f ms  (max %.1f; target: under 150 ms)%n",
                runs, StartupProbe.median(startMs), max(startMs));
        System.out.printf(Locale.ROOT, "  ... to its first ListKeys answer:       %7.1f ms%n", StartupProbe.median(answerMs));
    }

    private static void answer(Trent trent) throws Exception {
        try (RawHttp http = new RawHttp(trent.port())) {
            RawHttp.Response response = http.post("ListKeys", "{}");
            if (response.status() != 200) {
                throw new IllegalStateException("ListKeys answered " + response);
            }
        }
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
