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
 * <p>Usage: StartupProbe RUNS TRENT_JAR MINIMAL_JAR; the system properties trent.flags and
 * minimal.flags give each server's JVM flags (e.g. its class-data sharing archive), space-separated;
 * trent.launcher a script that starts Trent instead of {@code java -jar} (bin/trent).
 * With RUNS 0 each server is launched once and nothing is printed.
 */
public final class StartupProbe {
    private static final Pattern ENDPOINT = Pattern.compile("http://[0-9.]+:(\\d+)");

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String launcher = System.getProperty("trent.launcher");
        List<String> trent = launcher != null ? List.of(launcher, "--port", "0")
                : command(java, System.getProperty("trent.flags", ""), args[1]);
        List<String> minimal = command(java, System.getProperty("minimal.flags", ""), args[2]);
        // One discarded launch each: the first reads the jars from disk, which no later launch does.
        once(trent);
        once(minimal);
        if (runs == 0) {
            return;
        }
        List<Double> trentMs = new ArrayList<>();
        List<Double> minimalMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            trentMs.add(once(trent));
            minimalMs.add(once(minimal));
        }
        double t = median(trentMs);
        double m = median(minimalMs);
        System.out.printf(Locale.ROOT, "runs: %d each, interleaved%n", runs);
        System.out.printf(Locale.ROOT, "trent   (%s): median %7.1f ms   all %s%n", shown(trent), t, fmt(trentMs));
        System.out.printf(Locale.ROOT, "minimal (%s): median %7.1f ms   all %s%n", shown(minimal), m, fmt(minimalMs));
        System.out.printf(Locale.ROOT, "ratio trent/minimal: %.2f (target: at most 2.00)%n", t / m);
    }

    private static List<String> command(String java, String flags, String jar) {
        List<String> command = new ArrayList<>(List.of(java));
        for (String flag : flags.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-jar", jar, "--port", "0"));
        return command;
    }

    private static String shown(List<String> command) {
        return command.get(0).endsWith("java") ? "java " + String.join(" ", command.subList(1, command.size()))
                : String.join(" ", command);
    }

    /** Milliseconds from launch to the first 200 response to ListKeys. */
    private static double once(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            while (port < 0) {
                String line = out.readLine();
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
