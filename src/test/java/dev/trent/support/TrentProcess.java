package dev.trent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trent's command line ({@code dev.trent.cli.Main}) in a child JVM on the test's class path, as a
 * person would start it: for the crash test (killed with SIGKILL) and for start-up refusals (exit
 * code and stderr).
 */
public final class TrentProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Trent listening on (https?://\\S+?)(?: |$)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final CompletableFuture<String> stderr;
    private final URI endpoint;

    private TrentProcess(Process process, CompletableFuture<String> stderr, URI endpoint) {
        this.process = process;
        this.stderr = stderr;
        this.endpoint = endpoint;
    }

    /**
     * Starts Trent with these arguments and extra environment variables and returns once it prints
     * that it listens.
     *
     * @throws IllegalStateException when it exits first, with its stderr
     */
    public static TrentProcess start(Map<String, String> environment, String... arguments) {
        return started(launch(environment, onClassPath(), arguments));
    }

    /** Starts Trent from a built jar ({@code java -jar trent.jar ...}), as the soak does. */
    public static TrentProcess startJar(Path jar, Map<String, String> environment, String... arguments) {
        List<String> java = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString());
        return started(launch(environment, java, arguments));
    }

    private static TrentProcess started(Process process) {
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            endpoint.complete(null);
        }, "trent-child-stdout");
        reader.setDaemon(true);
        reader.start();
        URI uri;
        try {
            uri = endpoint.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Trent did not start within " + START_TIMEOUT_SECONDS + " s", e);
        }
        if (uri == null) {
            waitFor(process);
            throw new IllegalStateException("Trent exited with " + process.exitValue() + " before listening: "
                    + stderr.join());
        }
        return new TrentProcess(process, stderr, uri);
    }

    /** What a run of Trent that stops by itself (a refusal) ended with. */
    public record Exit(int code, String stdout, String stderr) {
    }

    /** Runs Trent with these arguments and waits for it to exit (it must, within a minute). */
    public static Exit run(Map<String, String> environment, String... arguments) {
        Process process = launch(environment, onClassPath(), arguments);
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Trent did not exit; it printed: " + stdout.getNow("")
                        + stderr.getNow(""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        return new Exit(process.exitValue(), stdout.join(), stderr.join());
    }

    private static List<String> onClassPath() {
        return List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1", // starts faster; the children live for seconds
                "-cp", System.getProperty("java.class.path"),
                "dev.trent.cli.Main");
    }

    private static Process launch(Map<String, String> environment, List<String> java, String... arguments) {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("TRENT_PASSWORD");
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread drainer = new Thread(() -> {
            try {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        }, "trent-child-output");
        drainer.setDaemon(true);
        drainer.start();
        return text;
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Kills the JVM with SIGKILL (what destroyForcibly sends on Linux): no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitFor(process);
    }

    /** Stops Trent as Ctrl-C would (SIGTERM: the shutdown hook closes the store). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor(process);
            if (process.isAlive()) {
                kill();
            }
        }
    }

    public String stderr() {
        return stderr.getNow("(still running)");
    }

    /** A path's string, for command lines. */
    public static String arg(Path path) {
        return path.toAbsolutePath().toString();
    }
}
