package dev.trent.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that run requests, away from the event loops. */
final class Workers {
    private Workers() {
    }

    /**
     * Two per core: requests are mostly cryptography (CPU) but some wait on a database store, and
     * one slow request (an RSA 4096 key pair) must not hold up the rest. The queue needs no bound of
     * its own: {@link Admission} bounds what enters it.
     */
    static ExecutorService create() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "trent-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
