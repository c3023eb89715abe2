import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates COUNT symmetric keys in a running Trent through the API (CreateKey with no parameters, so
 * SYMMETRIC_DEFAULT under the default key policy), from CONNECTIONS keep-alive connections at once.
 * Every response is checked: a key counts only when Trent answered 200 with its KeyMetadata.
 *
 * <p>Usage: KeyLoader PORT COUNT CONNECTIONS
 */
public final class KeyLoader {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try (RawHttp http = new RawHttp(port)) {
                    while (failure.get() == null && next.getAndIncrement() < count) {
                        RawHttp.Response response = http.post("CreateKey", "{}");
                        if (response.status() != 200 || !response.body().contains("\"KeyMetadata\"")) {
                            throw new IllegalStateException("CreateKey answered " + response);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("key creation failed", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "created %d keys in %.1f s (%.0f CreateKey/s, %d connections)%n",
                count, seconds, count / seconds, connections);
    }
}
