import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs COUNT numbered requests over CONNECTIONS keep-alive connections at once; any failure stops all. */
final class Parallel {
    interface Request {
        void send(RawHttp http, int number) throws Exception;
    }

    private Parallel() {
    }

    /** @return the seconds it took */
    static double run(int port, int from, int to, int connections, Request request) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try (RawHttp http = new RawHttp(port)) {
                    for (int i = next.getAndIncrement(); failure.get() == null && i < to; i = next.getAndIncrement()) {
                        request.send(http, i);
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
            throw new IllegalStateException("requests failed", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The response, which must be 200 and contain the text. */
    static RawHttp.Response expect(RawHttp http, String operation, String json, String mustContain) throws Exception {
        RawHttp.Response response = http.post(operation, json);
        if (response.status() != 200 || !response.body().contains(mustContain)) {
            throw new IllegalStateException(operation + " " + json + " answered " + response);
        }
        return response;
    }
}
