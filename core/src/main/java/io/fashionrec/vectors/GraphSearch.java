package io.fashionrec.vectors;

import io.fashionrec.recommend.TopK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.InitializedHnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Building and walking any HNSW graph whose nodes are rows {@code 0..rows-1} scored by a Lucene
 * scorer: what {@link HnswVectorSearch} does over one matrix and the recommender's candidate graph
 * does over the per-segment matrices of an index, in one place.
 *
 * <p>The search rules (filter evaluated once into a bit set; the passing rows scored exactly when
 * a walk would cost as much; a walk given up at as many visits as rows pass, or ending short of
 * k, completed exactly) are documented on {@link HnswVectorSearch}.
 */
public final class GraphSearch {

    /** One walk of a graph: Lucene's searcher over it, collecting {@code candidates} rows. */
    @FunctionalInterface
    public interface Walk {
        KnnCollector walk(RandomVectorScorer scorer, int candidates, Bits accept, int visitLimit) throws IOException;
    }

    private GraphSearch() {
    }

    /**
     * Walks of an in-memory graph, thread-safe: Lucene reads an {@link OnHeapHnswGraph}'s
     * neighbour arrays directly, without its seek cursor.
     */
    public static Walk over(OnHeapHnswGraph graph) {
        return (scorer, candidates, accept, visitLimit) -> HnswGraphSearcher.search(scorer, candidates, graph, accept, visitLimit);
    }

    /**
     * Walks of any other graph, each over a graph {@code perWalk} hands out fresh (a graph's seek
     * cursor is state, so concurrent walks need one each; e.g. a copy of a mapped graph).
     */
    public static Walk over(Supplier<? extends HnswGraph> perWalk) {
        return (scorer, candidates, accept, visitLimit) -> {
            TopKnnCollector collector = new TopKnnCollector(candidates, visitLimit);
            HnswGraphSearcher.search(scorer, collector, perWalk.get(), accept);
            return collector;
        };
    }

    /**
     * The best {@code k} of {@code rows} rows for {@code scorer} among those {@code accept} passes
     * (all when null), found by {@code walk} collecting {@code max(k, efSearch)} candidates, or by
     * scoring the passing rows where a walk would cost as much or fell short.
     */
    public static Hits search(Walk walk, RandomVectorScorer scorer, int rows, int k, int efSearch, IntPredicate accept) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        FixedBitSet passing = accept == null ? null : passing(rows, accept);
        int count = passing == null ? rows : passing.cardinality();
        if (count == rows) {
            // A filter that passes every row walks as no filter does, and finds the same rows.
            passing = null;
        }
        if (count == 0) {
            return new Hits(new int[0], new float[0]);
        }
        // Never more than the rows that pass: a huge k must not size a huge result.
        int wanted = Math.min(k, count);
        int candidates = Math.max(wanted, efSearch);
        // A walk meets passing rows at the filter's rate, so it scores at least candidates x rows /
        // count rows to collect its candidates; once that reaches count, the scan is no dearer.
        try {
            if ((long) candidates * rows >= (long) count * count) {
                return exact(scorer, rows, wanted, passing);
            }
            KnnCollector found = walk.walk(scorer, candidates, passing, passing == null ? Integer.MAX_VALUE : count);
            ScoreDoc[] hits = found.topDocs().scoreDocs;
            if (found.earlyTerminated() || hits.length < wanted) {
                return exact(scorer, rows, wanted, passing);
            }
            TopK top = new TopK(wanted);
            for (ScoreDoc hit : hits) {
                top.offer(hit.score, hit.doc);
            }
            return hits(top);
        } catch (IOException e) {
            // Our scorers and graphs read memory; Lucene declares IOException for those reading files.
            throw new UncheckedIOException(e);
        }
    }

    private static FixedBitSet passing(int rows, IntPredicate accept) {
        FixedBitSet bits = new FixedBitSet(rows);
        for (int row = 0; row < rows; row++) {
            if (accept.test(row)) {
                bits.set(row);
            }
        }
        return bits;
    }

    /** Every row in {@code passing} (every row when null) scored. */
    private static Hits exact(RandomVectorScorer scorer, int rows, int k, FixedBitSet passing) throws IOException {
        TopK top = new TopK(k);
        if (passing == null) {
            for (int row = 0; row < rows; row++) {
                top.offer(scorer.score(row), row);
            }
        } else {
            for (int row = passing.nextSetBit(0); row != DocIdSetIterator.NO_MORE_DOCS;
                    row = row + 1 < rows ? passing.nextSetBit(row + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                top.offer(scorer.score(row), row);
            }
        }
        return hits(top);
    }

    private static Hits hits(TopK top) {
        float[] scores = new float[top.size()];
        for (int rank = 0; rank < scores.length; rank++) {
            scores[rank] = (float) top.score(rank);
        }
        return new Hits(top.ordinals(), scores);
    }

    /**
     * Builds a graph over rows {@code 0..rows-1}: from scratch when {@code start} is null, else
     * inserting into {@code start} (sized for {@code rows}) every row not in {@code done}.
     * With one thread the build is sequential and {@code seed} decides every row's level; with
     * more, rows are inserted in an order that depends on thread timing.
     *
     * @param start a graph holding the rows of {@code done}, as {@link InitializedHnswGraphBuilder#initGraph} makes one, or null
     * @param done  the rows already in {@code start}; null when {@code start} is
     */
    public static OnHeapHnswGraph build(RandomVectorScorerSupplier scorers, int rows, int maxConnections, int beamWidth, long seed,
                                        int threads, OnHeapHnswGraph start, BitSet done) {
        try {
            OnHeapHnswGraph graph = start;
            HnswGraphBuilder sequential;
            if (start == null) {
                sequential = HnswGraphBuilder.create(scorers, maxConnections, beamWidth, seed, rows);
                // OnHeapHnswGraph has no public constructor: the builder's empty graph, sized for every row.
                graph = sequential.getGraph();
            } else {
                sequential = new InitializedHnswGraphBuilder(scorers, maxConnections, beamWidth, seed, start, done);
            }
            if (threads == 1) {
                return sequential.build(rows);
            }
            // Daemon threads, so that a failed build cannot keep the JVM alive; shut down after it.
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "hnsw-build");
                t.setDaemon(true);
                return t;
            });
            try {
                return new HnswConcurrentMergeBuilder(new TaskExecutor(pool), threads, scorers, maxConnections, beamWidth, graph, done)
                        .build(rows);
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
