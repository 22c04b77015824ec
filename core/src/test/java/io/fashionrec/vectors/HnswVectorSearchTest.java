package io.fashionrec.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.recommend.TopK;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HnswVectorSearch} under the shared contract (held to a recall rather than the exact ids),
 * then on clustered data from a fixed seed: recall@10 against brute force, filters of several
 * selectivities that must still return k hits, and the builder's settings.
 */
class HnswVectorSearchTest extends VectorSearchTestCase {

    private static final long SEED = 20261127L;
    private static final int ROWS = 5_000;
    private static final int DIM = 64;
    private static final int QUERIES = 100;
    private static final int K = 10;

    private static FloatMatrix matrix;
    private static float[][] queries;
    private static HnswVectorSearch search;

    @Override
    protected VectorSearch build(FloatMatrix vectors) {
        return HnswVectorSearch.builder(vectors).build();
    }

    /**
     * The contract's sets include uniformly random unit vectors in up to 200 dimensions, where the
     * nearest rows barely stand out from the rest and any graph walk misses some; clustered data
     * (below) is held to 0.95.
     */
    @Override
    protected double minimumRecall() {
        return 0.9;
    }

    @BeforeAll
    static void buildOnce() {
        SplittableRandom random = new SplittableRandom(SEED);
        float[][] centers = new float[50][];
        for (int c = 0; c < centers.length; c++) {
            centers[c] = gaussian(random, DIM, 1);
        }
        matrix = new FloatMatrix(ROWS, DIM, new float[ROWS * DIM]);
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(clustered(random, centers), 0, matrix.data(), r * DIM, DIM);
        }
        queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = clustered(random, centers);
        }
        search = HnswVectorSearch.builder(matrix).optThreads(1).optSeed(SEED).build();
    }

    /** A unit vector near a random one of the centers. */
    private static float[] clustered(SplittableRandom random, float[][] centers) {
        float[] center = centers[random.nextInt(centers.length)];
        float[] v = gaussian(random, DIM, 0.8);
        for (int i = 0; i < DIM; i++) {
            v[i] += center[i];
        }
        return normalised(v);
    }

    private static float[] gaussian(SplittableRandom random, int n, double sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
            double u = 1 - random.nextDouble();
            v[i] = (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** The true top k by scoring every passing row in double precision, ties by lower row. */
    private static int[] bruteForce(FloatMatrix m, float[] query, int k, IntPredicate accept) {
        TopK top = new TopK(k);
        for (int r = 0; r < m.rows(); r++) {
            if (accept == null || accept.test(r)) {
                top.offer(dot(m, query, r), r);
            }
        }
        return top.ordinals();
    }

    private static double dot(FloatMatrix m, float[] query, int row) {
        double s = 0;
        for (int i = 0; i < m.cols(); i++) {
            s += (double) query[i] * m.get(row, i);
        }
        return s;
    }

    private static double recall(HnswVectorSearch s, IntPredicate accept) {
        int found = 0;
        int wanted = 0;
        for (float[] query : queries) {
            int[] truth = bruteForce(matrix, query, K, accept);
            Set<Integer> got = new HashSet<>();
            for (int r : s.search(query, K, accept).ordinals()) {
                got.add(r);
            }
            for (int r : truth) {
                found += got.contains(r) ? 1 : 0;
            }
            wanted += truth.length;
        }
        return (double) found / wanted;
    }

    /** Sorted best first (ties by lower row), no row twice, every row accepted, scores the inner products. */
    private static void assertWellFormed(Hits hits, float[] query, IntPredicate accept, String context) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) {
            int row = hits.ordinals()[i];
            assertTrue(seen.add(row), context + ": row " + row + " returned twice in " + hits);
            assertTrue(accept == null || accept.test(row), context + ": row " + row + " does not pass the filter");
            assertEquals(dot(matrix, query, row), hits.scores()[i], 1e-5, context + ": score of row " + row);
            if (i > 0) {
                float before = hits.scores()[i - 1];
                float now = hits.scores()[i];
                assertTrue(before > now || (before == now && hits.ordinals()[i - 1] < row),
                        context + ": not sorted at rank " + i + ": " + hits);
            }
        }
    }

    @Test
    void recallAtTenAgainstBruteForceIsAtLeast95Percent() {
        double recall = recall(search, null);
        assertTrue(recall >= 0.95, "recall@10 " + recall + " (seed " + SEED + ")");
        for (float[] query : queries) {
            assertWellFormed(search.search(query, K, null), query, null, "seed " + SEED);
        }
    }

    @Test
    void anEfSearchOfEveryRowGivesTheExactAnswer() {
        HnswVectorSearch wide = search.withEfSearch(ROWS);
        assertEquals(ROWS, wide.efSearch());
        for (float[] query : queries) {
            assertArrayEquals(bruteForce(matrix, query, K, null), wide.search(query, K, null).ordinals(),
                    "seed " + SEED);
        }
    }

    @Test
    void aMultiThreadedBuildFindsAsWell() {
        int threads = SearchThreads.maxParallelism();
        HnswVectorSearch parallel = HnswVectorSearch.builder(matrix).optThreads(threads).build();
        double recall = recall(parallel, null);
        assertTrue(recall >= 0.95, "recall@10 of a " + threads + "-thread build " + recall + " (seed " + SEED + ")");
    }

    @ParameterizedTest(name = "{0}% of rows pass")
    @ValueSource(ints = {1, 10, 50})
    void filteredSearchesReturnKHitsThatPass(int percent) {
        SplittableRandom random = new SplittableRandom(SEED + percent);
        BitSet pass = new BitSet(ROWS);
        for (int r = 0; r < ROWS; r++) {
            if (random.nextInt(100) < percent) {
                pass.set(r);
            }
        }
        String context = percent + "% filter, " + pass.cardinality() + " rows pass, seed " + (SEED + percent);
        // efSearch = k makes the walk, not the up-front scan, take the 10% filter, and gives it up
        // (then scans) more often than the default does.
        for (HnswVectorSearch s : new HnswVectorSearch[] {search, search.withEfSearch(K)}) {
            for (float[] query : queries) {
                Hits hits = s.search(query, K, pass::get);
                assertEquals(K, hits.size(), context + ", efSearch " + s.efSearch());
                assertWellFormed(hits, query, pass::get, context + ", efSearch " + s.efSearch());
            }
        }
        double recall = recall(search, pass::get);
        assertTrue(recall >= 0.95, context + ": filtered recall@10 " + recall);
    }

    @Test
    void aFilterPassingExactlyKRowsReturnsThemAll() {
        SplittableRandom random = new SplittableRandom(SEED);
        BitSet pass = new BitSet(ROWS);
        while (pass.cardinality() < K) {
            pass.set(random.nextInt(ROWS));
        }
        for (float[] query : queries) {
            Hits hits = search.search(query, K, pass::get);
            assertArrayEquals(bruteForce(matrix, query, K, pass::get), hits.ordinals(), "rows " + pass);
            assertWellFormed(hits, query, pass::get, "rows " + pass);
        }
    }

    @Test
    void aFilterPassingFewerThanKRowsReturnsThoseRows() {
        BitSet pass = new BitSet(ROWS);
        pass.set(7);
        pass.set(4_999);
        Hits hits = search.search(queries[0], K, pass::get);
        assertEquals(Set.of(7, 4_999), Set.of(hits.ordinals()[0], hits.ordinals()[1]));
        assertEquals(2, hits.size());
    }

    @Test
    void aFilterPassingNothingReturnsNoHits() {
        assertEquals(0, search.search(queries[0], K, row -> false).size());
    }

    @Test
    void kBeyondTheSizeReturnsEveryRowInOrder() {
        FloatMatrix small = new FloatMatrix(30, DIM, Arrays.copyOf(matrix.data(), 30 * DIM));
        HnswVectorSearch s = HnswVectorSearch.builder(small).optThreads(1).build();
        Hits hits = s.search(queries[0], 100, null);
        assertArrayEquals(bruteForce(small, queries[0], 100, null), hits.ordinals());
        // a k far beyond any catalog sizes nothing by k
        assertArrayEquals(hits.ordinals(), s.search(queries[0], Integer.MAX_VALUE, null).ordinals());
        assertEquals(K, search.search(queries[0], Integer.MAX_VALUE, row -> row < K).size());
    }

    @Test
    void searchBatchAnswersAsSearchDoes() {
        BitSet pass = new BitSet(ROWS);
        pass.set(0, ROWS, true);
        pass.clear(0, ROWS / 3);
        Hits[] batch = search.searchBatch(queries, K, pass::get);
        assertEquals(QUERIES, batch.length);
        for (int q = 0; q < QUERIES; q++) {
            assertEquals(search.search(queries[q], K, pass::get), batch[q], "query " + q);
        }
    }

    @Test
    void badSettingsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HnswVectorSearch.builder(matrix).optMaxConnections(0));
        assertEquals("maxConnections must be between 1 and 512, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HnswVectorSearch.builder(matrix).optBeamWidth(5000));
        assertEquals("beamWidth must be between 1 and 3200, got 5000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> search.withEfSearch(0));
        assertEquals("efSearch must be between 1 and 2147483647, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HnswVectorSearch.builder(matrix).optThreads(SearchThreads.maxParallelism() + 1));
        assertTrue(e.getMessage().startsWith("threads must be between 1 and "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HnswVectorSearch.builder(new FloatMatrix(3, 0, new float[0])));
        assertTrue(e.getMessage().contains("3x0"), e.getMessage());
    }
}
