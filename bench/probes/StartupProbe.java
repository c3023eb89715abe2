import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from launching a server process to its first successful ListKeys response, for Trent and for
 * the minimal JDK server, their runs interleaved so that both see the same machine. The server's
 * port (--port 0) comes from the line it prints when listening; the probe then posts ListKeys until
 * one answers 200 with a Keys list.
 *
 * <p>Usage: StartupProbe RUNS TRENT_JAR MINIMAL_JAR
 */
public final class StartupProbe {
    private static final Pattern ENDPOINT = Pattern.compile("http://[0-9.]+:(\\d+)");

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> trent = List.of(java, "-jar", args[1], "--port", "0");
        List<String> minimal = List.of(java, "-jar", args[2], "--port", "0");
        // One discarded launch each: the first reads the jars from disk, which no later launch does.
        once(trent);
        once(minimal);
        List<Double> trentMs = new ArrayList<>();
        List<Double> minimalMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            trentMs.add(once(trent));
            minimalMs.add(once(minimal));
        }
        double t = median(trentMs);
        double m = median(minimalMs);
        System.out.printf(Locale.ROOT, "runs: %d each, interleaved%n", runs);
        System.out.printf(Locale.ROOT, "trent   (java -jar target/trent.jar --port 0): median %7.1f ms   all %s%n", t, fmt(trentMs));
        System.out.printf(Locale.ROOT, "minimal (java -jar minimal-server.jar --port 0): median %7.1f ms   all %s%n", m, fmt(minimalMs));
        System.out.printf(Locale.ROOT, "ratio trent/minimal: %.2f (target: at most 2.00)%n", t / m);
    }

    /** Milliseconds from launch to the first 200 response to ListKeys. */
    private static double once(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); port < 0; line = out.readLine()) {
                if (line == null) {
                    throw new IllegalStateException(command + " ended without naming its endpoint");
                }
                Matcher m = ENDPOINT.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            while (true) {
                try (RawHttp http = new RawHttp(port)) {
                    RawHttp.Response response = http.post("ListKeys", "{}");
                    if (response.status() == 200 && response.body().contains("\"Keys\"")) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                    throw new IllegalStateException(command + " answered ListKeys with " + response);
                } catch (ConnectException e) {
                    Thread.sleep(1);
                }
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(String.format(Locale.ROOT, "%.0f ", v));
        }
        return s.toString().trim();
    }
}
