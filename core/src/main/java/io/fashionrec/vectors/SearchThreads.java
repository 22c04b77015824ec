package io.fashionrec.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The helper threads that split one search across cores: one fewer than the cores, shared by
 * every search in the JVM (daemon threads, started at first use), because the calling thread
 * scans the first part itself. Thread-safe.
 */
final class SearchThreads {

    private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

    private SearchThreads() {
    }

    /** The lazily started pool: a JVM that never splits a search starts no thread. */
    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(Math.max(1, HELPERS), r -> {
            Thread t = new Thread(r, "fashionrec-search");
            t.setDaemon(true);
            return t;
        });
    }

    /** How many parts a search may run at once: the cores of this machine. */
    static int maxParallelism() {
        return HELPERS + 1;
    }

    /**
     * {@code part.apply(0 .. parts-1)}, part 0 on the calling thread and the rest on the helpers,
     * in order of part.
     *
     * @throws RuntimeException or Error thrown by a part, unwrapped
     */
    static <T> List<T> run(int parts, IntFunction<T> part) {
        List<Future<T>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int index = p;
            futures.add(Pool.EXECUTOR.submit(() -> part.apply(index)));
        }
        List<T> results = new ArrayList<>(parts);
        try {
            results.add(part.apply(0));
        } finally {
            // Wait for the helpers even if part 0 failed, so no part outlives the search.
            for (Future<T> f : futures) {
                results.add(join(f));
            }
        }
        return results;
    }

    private static <T> T join(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the part is running and holds our data; finish it, then restore the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
