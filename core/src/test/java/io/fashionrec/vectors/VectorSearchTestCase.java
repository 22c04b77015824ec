package io.fashionrec.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.Vectors;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VectorSearch} keeps, checked against a brute-force reference in
 * double precision. Exact implementations extend it as is; approximate ones override
 * {@link #minimumRecall()} and are then held to that recall instead of the reference's ids
 * (every other rule still applies: ordering, scores, filters, counts, batches).
 *
 * <p>Randomized tests draw from a seed printed in every failure message; set
 * {@code -Dtests.seed=N} to replay one.
 */
public abstract class VectorSearchTestCase {

    /** Scores are float sums in the implementation's own order: they may differ from double precision by this much. */
    protected static final double SCORE_TOLERANCE = 1e-5;

    /** The search under test over these vectors. */
    protected abstract VectorSearch build(FloatMatrix vectors);

    /** The least mean recall@k against the exact answer; 1 for an exact search, which must then return the exact rows. */
    protected double minimumRecall() {
        return 1.0;
    }

    protected static long seed() {
        String fixed = System.getProperty("tests.seed");
        return fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    }

    @Test
    void goldenExample() {
        // Rows 1 and 4 are equal: they tie, and the lower row comes first.
        FloatMatrix vectors = new FloatMatrix(5, 3, new float[] {
            1, 0, 0,
            0.6f, 0.8f, 0,
            0, 1, 0,
            0, 0, -1,
            0.6f, 0.8f, 0});
        VectorSearch search = build(vectors);
        assertEquals(5, search.size());
        assertEquals(3, search.dimension());
        Hits hits = search.search(new float[] {0.8f, 0.6f, 0}, 3, null);
        assertArrayEquals(new int[] {1, 4, 0}, hits.ordinals());
        assertArrayEquals(new float[] {0.96f, 0.96f, 0.8f}, hits.scores(), 1e-6f);
        Hits odd = search.search(new float[] {0.8f, 0.6f, 0}, 2, row -> row % 2 == 0);
        assertArrayEquals(new int[] {4, 0}, odd.ordinals());
        Hits all = search.search(new float[] {0, 0, 1}, 9, null);
        assertEquals(5, all.size(), "k above the size returns every row");
        assertEquals(3, all.ordinals()[4], "the opposite row comes last");
        assertEquals(-1f, all.scores()[4], 1e-6f);
    }

    @Test
    void randomSetsMatchBruteForce() {
        long seed = seed();
        Random random = new Random(seed);
        for (int trial = 0; trial < 12; trial++) {
            int size = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(3000);
            // One dimension makes every unit row +1 or -1: hundreds of duplicates, which a graph
            // search links poorly (its neighbour rule keeps one of several equal vectors), so only
            // exact searches are held to it.
            int d = (minimumRecall() < 1.0 ? 2 : 1) + random.nextInt(random.nextBoolean() ? 20 : 200);
            FloatMatrix vectors = randomUnitRows(random, size, d);
            VectorSearch search = build(vectors);
            float[][] queries = rows(randomUnitRows(random, 8, d));
            // now and then a k near or above the size (every row comes back)
            int k = 1 + random.nextInt(random.nextInt(4) == 0 ? size + 3 : 10);
            String where = "seed " + seed + ", trial " + trial + ": " + size + " x " + d + ", k " + k;
            Hits[] batch = search.searchBatch(queries, k, null);
            checkAll(vectors, queries, k, null, batch, where);
            for (int q = 0; q < queries.length; q++) {
                assertSameHits(batch[q], search.search(queries[q], k, null), where + ", query " + q);
            }
        }
    }

    @Test
    void aLargeSetMatchesBruteForce() {
        // Large enough (over a million floats) that a search may split the rows across cores.
        long seed = seed();
        Random random = new Random(seed);
        FloatMatrix vectors = clustered(random, 6000, 256, 40);
        VectorSearch search = build(vectors);
        float[][] queries = rows(clustered(random, 25, 256, 40));
        Hits[] batch = search.searchBatch(queries, 10, null);
        checkAll(vectors, queries, 10, null, batch, "seed " + seed);
        for (int q = 0; q < queries.length; q++) {
            assertSameHits(batch[q], search.search(queries[q], 10, null), "seed " + seed + ", query " + q);
        }
    }

    @Test
    void filtersThatPassFewNoneOrAllRows() {
        long seed = seed();
        Random random = new Random(seed);
        FloatMatrix vectors = randomUnitRows(random, 500, 16);
        VectorSearch search = build(vectors);
        float[][] queries = rows(randomUnitRows(random, 10, 16));
        IntPredicate few = row -> row % 97 == 5;          // 6 rows
        IntPredicate some = row -> row % 3 == 0;
        IntPredicate none = row -> false;
        IntPredicate all = row -> true;
        for (float[] query : queries) {
            Hits fewHits = search.search(query, 10, few);
            assertEquals(6, fewHits.size(), "seed " + seed + ": every row that passes, and only those");
            assertEquals(Set.of(5, 102, 199, 296, 393, 490), asSet(fewHits.ordinals()), "seed " + seed);
            assertEquals(0, search.search(query, 10, none).size(), "seed " + seed);
            assertSameHits(search.search(query, 10, null), search.search(query, 10, all), "seed " + seed);
        }
        checkAll(vectors, queries, 10, some, search.searchBatch(queries, 10, some), "seed " + seed + ", every third row");
        checkAll(vectors, queries, 10, few, search.searchBatch(queries, 10, few), "seed " + seed + ", few rows");
    }

    @Test
    void tiesGoToTheLowerRow() {
        long seed = seed();
        Random random = new Random(seed);
        FloatMatrix base = randomUnitRows(random, 50, 8);
        // every row three times: rows r, r + 50 and r + 100 are equal
        float[] data = new float[150 * 8];
        for (int copy = 0; copy < 3; copy++) {
            System.arraycopy(base.data(), 0, data, copy * 50 * 8, 50 * 8);
        }
        VectorSearch search = build(new FloatMatrix(150, 8, data));
        for (int q = 0; q < 10; q++) {
            float[] query = randomUnitRows(random, 1, 8).data();
            Hits hits = search.search(query, 6, null);
            checkOrdered(hits, "seed " + seed);
            if (minimumRecall() == 1.0) {
                int best = hits.ordinals()[0];
                assertTrue(best < 50, "seed " + seed + ": the first of three equal rows comes first, got " + best);
                assertArrayEquals(new int[] {best, best + 50, best + 100}, Arrays.copyOf(hits.ordinals(), 3), "seed " + seed);
            }
        }
    }

    @Test
    void anEmptySetFindsNothing() {
        VectorSearch search = build(new FloatMatrix(0, 4, new float[0]));
        assertEquals(0, search.search(new float[4], 3, null).size());
        assertEquals(0, search.searchBatch(new float[][] {new float[4]}, 3, null)[0].size());
    }

    @Test
    void wrongDimensionsAndKAreRejected() {
        VectorSearch search = build(randomUnitRows(new Random(1), 20, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search.search(new float[5], 3, null));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> search.searchBatch(new float[][] {new float[4], new float[3]}, 3, null));
        assertThrows(IllegalArgumentException.class, () -> search.search(new float[4], 0, null));
    }

    /** Checks a batch of results against brute force: counts, order, scores, filter, and ids (exact) or recall (approximate). */
    protected void checkAll(FloatMatrix vectors, float[][] queries, int k, IntPredicate accept, Hits[] hits, String where) {
        assertEquals(queries.length, hits.length, where);
        double recall = 0;
        for (int q = 0; q < queries.length; q++) {
            String at = where + ", query " + q;
            double[] truth = scores(vectors, queries[q]);
            Integer[] order = reference(truth, accept);
            int expected = Math.min(k, order.length);
            Hits h = hits[q];
            assertEquals(expected, h.size(), at + ": hits when " + order.length + " rows pass");
            checkOrdered(h, at);
            Set<Integer> seen = new HashSet<>();
            for (int r = 0; r < h.size(); r++) {
                int row = h.ordinals()[r];
                int rank = r;
                assertTrue(seen.add(row), () -> at + ": row " + row + " twice");
                assertTrue(accept == null || accept.test(row), () -> at + ": row " + row + " does not pass the filter");
                assertEquals(truth[row], h.scores()[r], SCORE_TOLERANCE, () -> at + ": the score of row " + row);
                if (minimumRecall() == 1.0) {
                    // the r-th best score, whichever of several tied rows holds it
                    assertEquals(truth[order[r]], h.scores()[r], SCORE_TOLERANCE, () -> at + ": rank " + rank);
                }
            }
            Set<Integer> best = new HashSet<>(Arrays.asList(order).subList(0, expected));
            // A row that ties with the k-th best counts as found: among equal scores, an approximate
            // search cannot know which rows are lowest (1-dimensional unit rows are all +1 or -1).
            double kth = expected == 0 ? Double.POSITIVE_INFINITY : truth[order[expected - 1]];
            long found = seen.stream().filter(row -> best.contains(row) || truth[row] >= kth - SCORE_TOLERANCE).count();
            recall += expected == 0 ? 1 : (double) found / expected;
        }
        if (queries.length > 0 && minimumRecall() < 1.0) {
            assertTrue(recall / queries.length >= minimumRecall(), where + ": recall " + recall / queries.length);
        }
    }

    /**
     * The same hits up to float rounding: a batch and a single search may add in different orders
     * (see {@link io.fashionrec.simd.DotProducts}), so scores agree within {@link #SCORE_TOLERANCE}
     * rank by rank, and a row found by one alone must tie, within it, with the last hit.
     */
    protected static void assertSameHits(Hits expected, Hits actual, String where) {
        assertEquals(expected.size(), actual.size(), where);
        Set<Integer> other = asSet(actual.ordinals());
        for (int r = 0; r < expected.size(); r++) {
            int rank = r;
            assertEquals(expected.scores()[r], actual.scores()[r], SCORE_TOLERANCE, () -> where + ": rank " + rank + " of " + expected + " and " + actual);
            if (!other.contains(expected.ordinals()[r])) {
                assertEquals(expected.scores()[expected.size() - 1], expected.scores()[r], SCORE_TOLERANCE,
                        () -> where + ": row " + expected.ordinals()[rank] + " missing from " + actual + " does not tie with the last of " + expected);
            }
        }
    }

    private static void checkOrdered(Hits h, String where) {
        for (int r = 1; r < h.size(); r++) {
            float a = h.scores()[r - 1];
            float b = h.scores()[r];
            int rank = r;
            assertTrue(a > b || (a == b && h.ordinals()[r - 1] < h.ordinals()[r]), () -> where + ": not best first at rank " + rank + ": " + h);
        }
    }

    /** The rows that pass, best first (ties by lower row), by double-precision products. */
    private static Integer[] reference(double[] truth, IntPredicate accept) {
        return java.util.stream.IntStream.range(0, truth.length)
                .filter(row -> accept == null || accept.test(row))
                .boxed()
                .sorted((a, b) -> truth[a] != truth[b] ? Double.compare(truth[b], truth[a]) : Integer.compare(a, b))
                .toArray(Integer[]::new);
    }

    private static double[] scores(FloatMatrix vectors, float[] query) {
        double[] out = new double[vectors.rows()];
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (int i = 0; i < vectors.cols(); i++) {
                s += (double) query[i] * vectors.get(j, i);
            }
            out[j] = s;
        }
        return out;
    }

    protected static FloatMatrix randomUnitRows(Random random, int rows, int d) {
        float[] data = new float[rows * d];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < d; i++) {
                data[j * d + i] = (float) random.nextGaussian();
            }
            Vectors.normalizeInPlace(data, j * d, d);
        }
        return new FloatMatrix(rows, d, data);
    }

    /** Points near a few shared centres, as embeddings of similar products are: many close scores at the top. */
    protected static FloatMatrix clustered(Random random, int rows, int d, int centres) {
        Random centreRandom = new Random(d * 31L + centres); // the same centres for vectors and queries
        FloatMatrix c = randomUnitRows(centreRandom, centres, d);
        float[] data = new float[rows * d];
        for (int j = 0; j < rows; j++) {
            int centre = random.nextInt(centres);
            for (int i = 0; i < d; i++) {
                data[j * d + i] = c.get(centre, i) + 0.05f * (float) random.nextGaussian();
            }
            Vectors.normalizeInPlace(data, j * d, d);
        }
        return new FloatMatrix(rows, d, data);
    }

    protected static float[][] rows(FloatMatrix m) {
        float[][] out = new float[m.rows()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = m.row(j);
        }
        return out;
    }

    private static Set<Integer> asSet(int[] values) {
        Set<Integer> s = new HashSet<>();
        for (int v : values) {
            s.add(v);
        }
        return s;
    }
}
