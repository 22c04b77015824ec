package io.fashionrec.cli;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load test: {@code clients} threads each send a request, wait for its answer and
 * send the next, until {@code requests} have been sent in all. Every request's latency is kept.
 */
final class ClosedLoop {

    /** One client's way of making request number {@code n}; one per thread, so it may hold a connection. */
    interface Client extends AutoCloseable {

        /** Makes request {@code n}; false (or an exception) counts it as failed. */
        boolean request(int n) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open() throws Exception;
    }

    /**
     * @param latencies    every request's latency in nanoseconds, sorted
     * @param firstFailure what the first failure was, or null
     */
    record Result(int requests, int failures, double seconds, long[] latencies, String firstFailure) {

        double perSecond() {
            return requests / seconds;
        }

        /** The latency at quantile {@code q} (0..1), in milliseconds, nearest-rank. */
        double millis(double q) {
            int rank = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank))] / 1e6;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int clients, int requests, ClientFactory factory) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long[] latencies = new long[requests];
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                Client client = null;
                for (int n; (n = next.getAndIncrement()) < requests; ) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    String why = null;
                    try {
                        if (client == null) {
                            client = factory.open();
                        }
                        ok = client.request(n);
                    } catch (Exception e) {
                        ok = false;
                        why = e.toString();
                        close(client);
                        client = null; // a broken connection: the next request opens a new one
                    }
                    latencies[n] = System.nanoTime() - t0;
                    if (!ok) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, why != null ? why : "request " + n + " was answered with an error");
                    }
                }
                close(client);
            }, "load-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(requests, failures.get(), seconds, latencies, firstFailure.get());
    }

    private static void close(Client client) {
        if (client != null) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing a connection that already failed: nothing more to learn
            }
        }
    }
}
