package io.fashionrec.vectors;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.recommend.TopK;
import io.fashionrec.simd.DotProducts;
import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.simd.QuantizedDotProducts;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Exact top-k inner-product search: every row is scored with SIMD dot products, row block by row
 * block (a block fits in a core's L2 cache), and the blocks are split across the cores for one
 * search. A batch reads each block once for a group of queries ({@link DotProducts#batch}). The
 * filter is asked only about rows whose score would enter the top k.
 *
 * <p>With {@link Storage#INT8} the search also keeps an int8 copy of the rows (a quarter of the
 * bytes) and scans that for single queries; it then re-scores in float32 every row that could
 * still be in the top k. A row is skipped only when its int8 score plus a proven bound on the
 * int8 error (Cauchy-Schwarz on the rounding each row lost, plus float rounding) falls below the
 * k-th exact score found, so the ids are those of the float32 scan; the re-scoring uses
 * {@link DotProducts#dot}, which gives a row the same bits as the float32 scan, so the scores are
 * the scan's too. Batches scan the float32 rows either way: they are bound by arithmetic, not
 * memory.
 *
 * <p>Immutable once built and thread-safe; searches from several threads share the helper threads.
 */
public final class ExactVectorSearch implements VectorSearch {

    /** The row storage scanned for single queries. */
    public enum Storage {
        /** float32 rows only. */
        FLOAT32,
        /** float32 rows plus an int8 copy scanned first; results still exact (see the class comment). */
        INT8
    }

    /** Floats per block: 1 MiB, the L2 cache of one core on current x86 servers. */
    private static final int BLOCK_FLOATS = 256 * 1024;
    /** Queries of a batch scored together over a block: their 64 x d floats stay in L2 beside the block's rows. */
    private static final int QUERY_GROUP = 64;
    /**
     * Below this many floats a search runs on the calling thread: handing a part to another core
     * costs tens of microseconds, as much as scanning about a million floats.
     */
    private static final long MIN_PARALLEL_FLOATS = 1L << 20;

    private final int size;
    private final int dimension;
    private final int blockRows;
    private final FloatMatrix[] blocks;
    private final Int8Rows[] compact;
    private final int threads;
    private final DotProducts dots = DotProductsProvider.get();
    private final QuantizedDotProducts quantized = DotProductsProvider.quantized();

    private ExactVectorSearch(FloatMatrix vectors, Storage storage, int threads) {
        this.size = vectors.rows();
        this.dimension = vectors.cols();
        this.blockRows = Math.max(1, BLOCK_FLOATS / Math.max(1, dimension));
        int count = (size + blockRows - 1) / blockRows;
        this.blocks = new FloatMatrix[count];
        this.compact = storage == Storage.INT8 ? new Int8Rows[count] : null;
        for (int b = 0; b < count; b++) {
            int from = b * blockRows;
            int rows = Math.min(blockRows, size - from);
            float[] data = Arrays.copyOfRange(vectors.data(), from * dimension, (from + rows) * dimension);
            blocks[b] = new FloatMatrix(rows, dimension, data);
            if (compact != null) {
                compact[b] = Int8Rows.quantize(blocks[b]);
            }
        }
        boolean worthSplitting = (long) size * dimension >= MIN_PARALLEL_FLOATS;
        this.threads = worthSplitting ? Math.min(threads, count) : 1;
    }

    /**
     * A search over a copy of {@code vectors} (float32 storage, all cores).
     *
     * @param vectors one vector per row; L2-normalised rows make the inner product the cosine
     */
    public static ExactVectorSearch of(FloatMatrix vectors) {
        return builder(vectors).build();
    }

    public static Builder builder(FloatMatrix vectors) {
        return new Builder(vectors);
    }

    /** Options of an {@link ExactVectorSearch}; not thread-safe. */
    public static final class Builder {
        private final FloatMatrix vectors;
        private Storage storage = Storage.FLOAT32;
        private int threads = SearchThreads.maxParallelism();

        private Builder(FloatMatrix vectors) {
            this.vectors = vectors;
        }

        /** Which rows a single query scans (default {@link Storage#FLOAT32}). */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /**
         * How many cores one search may use, 1 to the cores of this machine (default: all). Small
         * sets (under a million floats) use one whatever this says.
         *
         * @throws IllegalArgumentException outside that range
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > SearchThreads.maxParallelism()) {
                throw new IllegalArgumentException("threads must be 1 to " + SearchThreads.maxParallelism()
                        + " (the cores of this machine), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public ExactVectorSearch build() {
            return new ExactVectorSearch(vectors, storage, threads);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The storage single queries scan. */
    public Storage storage() {
        return compact != null ? Storage.INT8 : Storage.FLOAT32;
    }

    /** How many cores one search uses. */
    public int threads() {
        return threads;
    }

    @Override
    public Hits search(float[] query, int k, IntPredicate accept) {
        checkQuery(query, -1);
        checkK(k);
        if (size == 0) {
            return new Hits(new int[0], new float[0]);
        }
        int kk = Math.min(k, size);
        return compact != null ? searchInt8(query, kk, accept) : toHits(merge(kk, scanParts(query, kk, accept)));
    }

    private List<TopK> scanParts(float[] query, int k, IntPredicate accept) {
        return SearchThreads.run(threads, p -> {
            TopK top = new TopK(k);
            float[] out = new float[blockRows];
            for (int b = firstBlock(p); b < firstBlock(p + 1); b++) {
                dots.all(query, blocks[b], out);
                offer(top, out, blocks[b].rows(), b * blockRows, accept);
            }
            return top;
        });
    }

    /**
     * The int8 scan, then float32 re-scoring. The k best int8 rows, re-scored, give a score t that
     * the k-th exact score is at least; every row whose int8 score plus its error bound reaches t
     * is then re-scored (those k among them), and the best k re-scored rows are the answer.
     */
    private Hits searchInt8(float[] query, int k, IntPredicate accept) {
        float[] approx = new float[size];
        TopK candidates = merge(k, SearchThreads.run(threads, p -> {
            TopK top = new TopK(k);
            float[] out = new float[blockRows];
            for (int b = firstBlock(p); b < firstBlock(p + 1); b++) {
                int from = b * blockRows;
                int rows = blocks[b].rows();
                Int8Rows c = compact[b];
                quantized.scan(query, c.codes, rows, out);
                for (int j = 0; j < rows; j++) {
                    approx[from + j] = out[j] * c.scale[j];
                }
                offer(top, approx, from, rows, from, accept);
            }
            return top;
        }));
        if (candidates.size() < k) {
            // fewer than k rows pass the filter: the candidates are all of them
            return rescore(query, candidates.ordinals(), k);
        }
        double threshold = Double.POSITIVE_INFINITY;
        for (int row : candidates.ordinals()) {
            threshold = Math.min(threshold, exact(query, row));
        }
        double norm = 0;
        double l1 = 0;
        for (float x : query) {
            norm += (double) x * x;
            l1 += Math.abs(x);
        }
        norm = Math.sqrt(norm);
        // float rounding of the int8 sums and of the float32 products: at most d units of 2^-24 per unit of |terms|
        double gamma = dimension * 0x1p-23;
        TopK top = new TopK(k);
        for (int b = 0; b < blocks.length; b++) {
            Int8Rows c = compact[b];
            double slack = gamma * (l1 * c.maxAbs * 1.01 + norm * c.maxNorm);
            int from = b * blockRows;
            for (int j = 0; j < blocks[b].rows(); j++) {
                int row = from + j;
                if (approx[row] + norm * c.residual[j] + slack >= threshold && (accept == null || accept.test(row))) {
                    top.offer(exact(query, row), row);
                }
            }
        }
        return toHits(top);
    }

    private Hits rescore(float[] query, int[] rows, int k) {
        TopK top = new TopK(k);
        for (int row : rows) {
            top.offer(exact(query, row), row);
        }
        return toHits(top);
    }

    private float exact(float[] query, int row) {
        int b = row / blockRows;
        return dots.dot(query, blocks[b].data(), (row - b * blockRows) * dimension);
    }

    @Override
    public Hits[] searchBatch(float[][] queries, int k, IntPredicate accept) {
        for (int q = 0; q < queries.length; q++) {
            checkQuery(queries[q], q);
        }
        checkK(k);
        Hits[] hits = new Hits[queries.length];
        if (size == 0 || queries.length == 0) {
            Arrays.fill(hits, new Hits(new int[0], new float[0]));
            return hits;
        }
        int kk = Math.min(k, size);
        List<TopK[]> parts = SearchThreads.run(threads, p -> {
            TopK[] tops = new TopK[queries.length];
            for (int q = 0; q < tops.length; q++) {
                tops[q] = new TopK(kk);
            }
            float[][] out = new float[Math.min(QUERY_GROUP, queries.length)][blockRows];
            for (int b = firstBlock(p); b < firstBlock(p + 1); b++) {
                for (int g = 0; g < queries.length; g += QUERY_GROUP) {
                    float[][] group = Arrays.copyOfRange(queries, g, Math.min(queries.length, g + QUERY_GROUP));
                    dots.batch(group, blocks[b], out);
                    for (int q = 0; q < group.length; q++) {
                        offer(tops[g + q], out[q], blocks[b].rows(), b * blockRows, accept);
                    }
                }
            }
            return tops;
        });
        for (int q = 0; q < queries.length; q++) {
            int query = q;
            hits[q] = toHits(merge(kk, parts.stream().map(tops -> tops[query]).toList()));
        }
        return hits;
    }

    /** The first block of part {@code p} of {@link #threads}; blocks are split into contiguous, near-equal runs. */
    private int firstBlock(int p) {
        return (int) ((long) blocks.length * p / threads);
    }

    private static void offer(TopK top, float[] scores, int rows, int firstRow, IntPredicate accept) {
        offer(top, scores, 0, rows, firstRow, accept);
    }

    /** Offers {@code scores[from .. from+rows)} as rows {@code firstRow..}; the filter is asked only about rows that would enter. */
    private static void offer(TopK top, float[] scores, int from, int rows, int firstRow, IntPredicate accept) {
        for (int j = 0; j < rows; j++) {
            int row = firstRow + j;
            float s = scores[from + j];
            if (top.accepts(s, row) && (accept == null || accept.test(row))) {
                top.offer(s, row);
            }
        }
    }

    private static TopK merge(int k, List<TopK> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        TopK all = new TopK(k);
        for (TopK part : parts) {
            int[] rows = part.ordinals();
            for (int r = 0; r < rows.length; r++) {
                all.offer(part.score(r), rows[r]);
            }
        }
        return all;
    }

    private static Hits toHits(TopK top) {
        int[] rows = top.ordinals();
        float[] scores = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            scores[r] = (float) top.score(r);
        }
        return new Hits(rows, scores);
    }

    private void checkQuery(float[] query, int index) {
        if (query == null || query.length != dimension) {
            String which = index < 0 ? "the query" : "query " + index;
            throw new IllegalArgumentException(which + " has " + (query == null ? "no" : String.valueOf(query.length))
                    + " floats; the vectors have dimension " + dimension);
        }
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }
}
