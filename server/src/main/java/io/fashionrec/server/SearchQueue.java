package io.fashionrec.server;

import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Where the server's searches run: a few worker threads (one per processor by default) take
 * them first come, first served, and the {@code similar} requests waiting together are answered
 * by one batched scan.
 *
 * <p>Why: a scan is CPU- and memory-bound. Running 32 at once on 2 cores only shares the CPU,
 * stretches every answer and lets each scan evict the others' vectors from the caches; a fair
 * queue keeps tail latency near the median, and a batch reads each vector row once for all the
 * queries in it instead of once per query. A search that waits longer than the timeout is
 * answered 503, so a flood of requests makes clients retry instead of piling up threads.
 * Thread-safe.
 */
final class SearchQueue implements AutoCloseable {

    /** The most {@code similar} queries one scan answers. */
    static final int MAX_BATCH = 32;

    private final Duration timeout;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    /** A search waiting for a worker: either a {@code similar} query (batchable) or any other task. */
    private static final class Job {
        final Recommender recommender;
        final String id;
        final SearchOptions options;
        final Supplier<?> task;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Job(Recommender recommender, String id, SearchOptions options, Supplier<?> task) {
            this.recommender = recommender;
            this.id = id;
            this.options = options;
            this.task = task;
        }

        boolean isSimilar() {
            return id != null;
        }
    }

    SearchQueue(int threads, Duration timeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("search threads must be at least 1, got " + threads);
        }
        this.timeout = timeout;
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(this::work, "fashionrec-search-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** {@link Recommender#similar(String, SearchOptions)}, batched with the queries for the same recommender waiting beside it. */
    @SuppressWarnings("unchecked")
    List<Recommendation> similar(Recommender recommender, String id, SearchOptions options) {
        return (List<Recommendation>) await(submit(new Job(recommender, id, options, null)));
    }

    /** Runs any other search on a worker, in turn with the rest. */
    @SuppressWarnings("unchecked")
    <T> T run(Supplier<T> task) {
        return (T) await(submit(new Job(null, null, null, task)));
    }

    private Job submit(Job job) {
        synchronized (waiting) {
            if (closed) {
                throw new ApiException(503, "the server is shutting down");
            }
            waiting.addLast(job);
            waiting.notify();
        }
        return job;
    }

    private Object await(Job job) {
        try {
            return job.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (waiting) {
                waiting.remove(job); // still queued: nobody will start it
            }
            throw new ApiException(503, "the server is too busy to answer within " + timeout.toSeconds() + " s; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is shutting down");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void work() {
        while (true) {
            List<Job> batch = new ArrayList<>();
            synchronized (waiting) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        waiting.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Job first = waiting.pollFirst();
                batch.add(first);
                if (first.isSimilar()) {
                    for (Iterator<Job> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
                        Job next = it.next();
                        if (next.isSimilar() && next.recommender == first.recommender) { // a reload between them: separate scans
                            batch.add(next);
                            it.remove();
                        }
                    }
                }
            }
            if (batch.get(0).isSimilar()) {
                answerSimilar(batch);
            } else {
                answer(batch.get(0), batch.get(0).task);
            }
        }
    }

    private void answerSimilar(List<Job> batch) {
        if (batch.size() > 1) {
            try {
                List<List<Recommendation>> answers = batch.get(0).recommender.similar(batch.stream().map(j -> j.id).toList(),
                        batch.stream().map(j -> j.options).toList());
                for (int q = 0; q < batch.size(); q++) {
                    batch.get(q).result.complete(answers.get(q));
                }
                return;
            } catch (RuntimeException e) {
                // One bad query must not fail the others: answer each on its own, and only it fails.
            }
        }
        for (Job job : batch) {
            answer(job, () -> job.recommender.similar(job.id, job.options));
        }
    }

    private static void answer(Job job, Supplier<?> task) {
        try {
            job.result.complete(task.get());
        } catch (RuntimeException | Error e) {
            job.result.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        synchronized (waiting) {
            closed = true;
            waiting.forEach(job -> job.result.completeExceptionally(new ApiException(503, "the server is shutting down")));
            waiting.clear();
            waiting.notifyAll();
        }
    }
}
