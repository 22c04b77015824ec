package io.fashionrec.server;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most as many searches run at once as there are processors, first come first served.
 * A scan is CPU-bound: running 32 of them at once on 2 cores makes every one 16 times slower and
 * the slowest much slower still, while a fair queue answers in arrival order, so tail latency
 * stays close to the median under load and the working set of concurrent scans fits the caches.
 */
final class ComputeGate {

    private final Semaphore permits;

    ComputeGate(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.permits = new Semaphore(concurrency, true);
    }

    <T> T run(Supplier<T> search) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is shutting down");
        }
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }
}
