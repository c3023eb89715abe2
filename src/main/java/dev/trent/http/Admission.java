package dev.trent.http;

import java.util.concurrent.Semaphore;

/** The bound on requests in progress or waiting for a worker, shared by every connection. */
final class Admission {
    private final int max;
    private final Semaphore places;

    Admission(int max) {
        this.max = max;
        this.places = new Semaphore(max);
    }

    boolean tryEnter() {
        return places.tryAcquire();
    }

    void leave() {
        places.release();
    }

    /** Requests in progress or waiting now. */
    int pending() {
        return max - places.availablePermits();
    }
}
