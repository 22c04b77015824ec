package io.fashionrec.vectors;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.simd.DotProductsProvider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * Approximate maximum-inner-product search on a Hierarchical Navigable Small World graph (Malkov &
 * Yashunin, 2016), built and walked by Lucene's {@code org.apache.lucene.util.hnsw}.
 *
 * <p><b>Why Lucene rather than jvector.</b> Lucene core is already a dependency of this module
 * (the text side uses its analyzers), while jvector is not available from the package registry
 * this project builds from and would be a new dependency. Lucene's HNSW is the one Elasticsearch
 * and OpenSearch serve in production; it applies a filter <em>during</em> the graph walk
 * ({@code acceptOrds}: rejected rows are walked through but never collected, so a selective filter
 * does not starve the result list as filtering afterwards does); it can insert rows from several
 * threads ({@link HnswConcurrentMergeBuilder}); and it lets us supply the scorer, so the graph
 * reads our {@link FloatMatrix} in place with our own SIMD dot product.
 *
 * <p><b>Scores.</b> The graph is built and walked on the raw inner product, so the scores returned
 * are exact inner products; only which rows are found is approximate. A search collects
 * {@code max(k, efSearch)} candidates and returns the best {@code k} of them, ties by lower row.
 *
 * <p><b>Filters.</b> A filter is evaluated once per search for every row (into a bit set, as Lucene
 * does with a query filter) so that the search knows how many rows pass; then:
 * <ul>
 *   <li>if {@code passing x passing <= max(k, efSearch) x size()}, the passing rows are scored
 *       exactly: a walk meets passing rows at the filter's rate, so collecting its
 *       {@code max(k, efSearch)} candidates scores at least {@code candidates x size() / passing}
 *       rows, already as many as the scan (at 200,000 rows and efSearch 100: filters passing up to
 *       about 4,500 rows, 2.2%; with no filter, catalogs of at most efSearch rows);</li>
 *   <li>otherwise the graph is walked with the filter, but given up once it has scored as many rows
 *       as pass the filter, and the passing rows are then scored exactly: past that point a scan
 *       of the passing rows would have been cheaper. This is the rule of Lucene's
 *       {@code KnnFloatVectorQuery} (exact when the walk would visit more nodes than the filter
 *       matches): at worst a search costs two scans of the passing rows;</li>
 *   <li>a walk that ends with fewer than {@code k} hits while {@code k} rows pass (a part of the
 *       graph it could not reach) is also completed exactly.</li>
 * </ul>
 * So a filtered search always returns {@code min(k, passing rows)} hits.
 *
 * <p>Thread-safe once built: searches may run concurrently. A filter predicate given to
 * {@link #searchBatch} is called from several threads and must allow that.
 */
public final class HnswVectorSearch implements VectorSearch {

    /** Neighbours kept per node on the upper levels (twice as many on the bottom one): hnswlib's M. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
    /** Candidates kept while inserting a row: hnswlib's ef_construction. */
    public static final int DEFAULT_BEAM_WIDTH = 100;
    /** Candidates kept while searching, before the best k are returned: hnswlib's ef. */
    public static final int DEFAULT_EF_SEARCH = 100;

    /** Lucene's own limits on the graph parameters. */
    private static final int MAX_MAX_CONNECTIONS = 512;
    private static final int MAX_BEAM_WIDTH = 3200;

    private final FloatMatrix matrix;
    private final RowScorers scorers;
    private final OnHeapHnswGraph graph;
    private final GraphSearch.Walk walk;
    private final int efSearch;
    private final int threads;

    private HnswVectorSearch(FloatMatrix matrix, RowScorers scorers, OnHeapHnswGraph graph, int efSearch,
            int threads) {
        this.matrix = matrix;
        this.scorers = scorers;
        this.graph = graph;
        this.walk = GraphSearch.over(graph);
        this.efSearch = efSearch;
        this.threads = threads;
    }

    /**
     * Settings for a search over {@code matrix}'s rows. The matrix is kept, not copied: it must not
     * be modified afterwards.
     *
     * @param matrix rows to search, at least one column
     */
    public static Builder builder(FloatMatrix matrix) {
        return new Builder(matrix);
    }

    @Override
    public int size() {
        return matrix.rows();
    }

    @Override
    public int dimension() {
        return matrix.cols();
    }

    /** The candidates a search keeps before returning the best k (at least k are kept). */
    public int efSearch() {
        return efSearch;
    }

    /**
     * The same graph searched with another {@code efSearch}: trading recall against speed costs no
     * rebuild. The two share the graph and the matrix.
     *
     * @param efSearch at least 1
     */
    public HnswVectorSearch withEfSearch(int efSearch) {
        return new HnswVectorSearch(matrix, scorers, graph, Builder.inRange("efSearch", efSearch, Integer.MAX_VALUE),
                threads);
    }

    @Override
    public Hits search(float[] query, int k, IntPredicate accept) {
        if (query.length != matrix.cols()) {
            throw new IllegalArgumentException("the query has " + query.length + " floats but the vectors have "
                    + matrix.cols() + "; embed it with the same encoder as the catalog");
        }
        return GraphSearch.search(walk, scorers.forQuery(query), matrix.rows(), k, efSearch, accept);
    }

    /**
     * The queries split across up to {@code threads} cores (the builder's setting) on the shared
     * search threads, each searched as {@link #search} does.
     */
    @Override
    public Hits[] searchBatch(float[][] queries, int k, IntPredicate accept) {
        int parts = Math.min(threads, queries.length);
        if (parts <= 1) {
            return VectorSearch.super.searchBatch(queries, k, accept);
        }
        Hits[] out = new Hits[queries.length];
        // Each part takes the next query free, so a slow query (a filter that falls back to an
        // exact scan) does not leave the other cores idle.
        AtomicInteger next = new AtomicInteger();
        SearchThreads.run(parts, part -> {
            for (int q = next.getAndIncrement(); q < queries.length; q = next.getAndIncrement()) {
                out[q] = search(queries[q], k, accept);
            }
            return null;
        });
        return out;
    }

    @Override
    public String toString() {
        return "HnswVectorSearch[" + size() + "x" + dimension() + ", efSearch " + efSearch + "]";
    }

    /** The graph and search settings; {@link #build()} builds the graph (the slow part). */
    public static final class Builder {

        private final FloatMatrix matrix;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int beamWidth = DEFAULT_BEAM_WIDTH;
        private int efSearch = DEFAULT_EF_SEARCH;
        private int threads = SearchThreads.maxParallelism();
        private long seed = 42;

        private Builder(FloatMatrix matrix) {
            if (matrix.cols() < 1) {
                throw new IllegalArgumentException("the vectors have no columns (" + matrix.rows() + "x"
                        + matrix.cols() + "); search needs at least one");
            }
            this.matrix = matrix;
        }

        /**
         * Neighbours kept per node ({@value #DEFAULT_MAX_CONNECTIONS} by default, 1 to 512): more
         * raise recall and memory (about 8 bytes per neighbour per row) and slow the build.
         */
        public Builder optMaxConnections(int maxConnections) {
            this.maxConnections = inRange("maxConnections", maxConnections, MAX_MAX_CONNECTIONS);
            return this;
        }

        /**
         * Candidates kept while inserting a row ({@value #DEFAULT_BEAM_WIDTH} by default, 1 to
         * 3200): a better graph for a slower build.
         */
        public Builder optBeamWidth(int beamWidth) {
            this.beamWidth = inRange("beamWidth", beamWidth, MAX_BEAM_WIDTH);
            return this;
        }

        /**
         * Candidates kept while searching ({@value #DEFAULT_EF_SEARCH} by default, at least 1; a
         * search keeps at least k): higher raises recall and search time.
         */
        public Builder optEfSearch(int efSearch) {
            this.efSearch = inRange("efSearch", efSearch, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Threads for the build and for {@link #searchBatch}: 1 to the cores of this machine (all of
         * them by default). With 1 the build is sequential and the same seed gives the same graph;
         * with more, rows are inserted in an order that depends on thread timing.
         */
        public Builder optThreads(int threads) {
            this.threads = inRange("threads", threads, SearchThreads.maxParallelism());
            return this;
        }

        /** The seed of the random level each row is given in a sequential build (42 by default). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        private static int inRange(String name, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
            }
            return value;
        }

        /** Builds the graph over every row; takes time in proportion to rows x log(rows). */
        public HnswVectorSearch build() {
            RowScorers scorers = new RowScorers(matrix, DotProductsProvider.get());
            OnHeapHnswGraph graph = GraphSearch.build(scorers, matrix.rows(), maxConnections, beamWidth, seed, threads, null, null);
            return new HnswVectorSearch(matrix, scorers, graph, efSearch, threads);
        }
    }
}
