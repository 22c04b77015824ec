package io.fashionrec.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DotProducts} meets; each implementation's test extends this class.
 * Random cases draw sizes that hit every path of a vectorised loop (no rows, fewer columns than a
 * vector, a ragged tail, row counts not a multiple of four, batches larger than a cache block) and
 * compare with a double-precision reference.
 */
abstract class DotProductsTestCase {

    /** A float sum of {@code d} products stays within this fraction of the sum of their magnitudes. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    /** The implementation under test. */
    abstract DotProducts dotProducts();

    @Test
    void goldenSmallMatrix() {
        FloatMatrix m = new FloatMatrix(3, 5, new float[] {
            1, 2, 3, 4, 5,
            0, -1, 0.5f, 2, 0,
            0, 0, 0, 0, 0});
        float[] query = {1, 0, -1, 2, 0.5f};
        float[] out = {99, 99, 99, 99};
        dotProducts().all(query, m, out);
        // 1 - 3 + 8 + 2.5; -0.5 + 4; zero row; the fourth entry is past the rows and kept
        assertArrayEquals(new float[] {8.5f, 3.5f, 0, 99}, out);

        float[][] batchOut = {{7, 7, 7}, {7, 7, 7}, {7, 7, 7}};
        dotProducts().batch(new float[][] {query, null, {1, 1, 1, 1, 1}}, m, batchOut);
        assertArrayEquals(new float[] {8.5f, 3.5f, 0}, batchOut[0]);
        assertArrayEquals(new float[] {0, 0, 0}, batchOut[1], "a null query gives zeros");
        assertArrayEquals(new float[] {15, 1.5f, 0}, batchOut[2]);
    }

    /** Small integers multiply and add exactly in float, whatever the order: results must be equal. */
    @Test
    void integerEntriesGiveExactSums() {
        int rows = 11;
        int cols = 67;
        float[] data = new float[rows * cols];
        long[] expected = new long[rows];
        float[] query = new float[cols];
        for (int i = 0; i < cols; i++) {
            query[i] = i % 7 - 3;
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                data[r * cols + i] = (r + 2 * i) % 5 - 2;
                expected[r] += (long) query[i] * (long) data[r * cols + i];
            }
        }
        FloatMatrix m = new FloatMatrix(rows, cols, data);
        float[] out = new float[rows];
        dotProducts().all(query, m, out);
        float[][] batchOut = new float[6][rows];
        float[][] queries = new float[6][];
        Arrays.fill(queries, query);
        dotProducts().batch(queries, m, batchOut);
        for (int r = 0; r < rows; r++) {
            assertEquals(expected[r], out[r], "row " + r);
            for (int q = 0; q < queries.length; q++) {
                assertEquals(expected[r], batchOut[q][r], "batch query " + q + ", row " + r);
            }
        }
    }

    @Test
    void oneQueryMatchesDoublePrecisionOnRandomShapes() {
        long seed = 20261127;
        Random random = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            int rows = random.nextInt(40);
            int cols = randomCols(random);
            FloatMatrix m = randomMatrix(random, rows, cols);
            float[] query = randomVector(random, cols);
            float[] out = new float[rows];
            dotProducts().all(query, m, out);
            for (int j = 0; j < rows; j++) {
                assertNear(query, m, j, out[j], "seed " + seed + ", trial " + trial + ": " + rows + "x" + cols);
            }
        }
    }

    @Test
    void batchMatchesDoublePrecisionWithNullQueries() {
        long seed = 41;
        Random random = new Random(seed);
        for (int trial = 0; trial < 150; trial++) {
            // Every tenth trial is larger than a 128 KiB block of rows.
            boolean large = trial % 10 == 0;
            int rows = large ? 150 + random.nextInt(250) : random.nextInt(30);
            int cols = large ? 100 + random.nextInt(300) : randomCols(random);
            FloatMatrix m = randomMatrix(random, rows, cols);
            float[][] queries = new float[random.nextInt(11)][];
            float[][] out = new float[queries.length][rows];
            for (int q = 0; q < queries.length; q++) {
                queries[q] = random.nextInt(5) == 0 ? null : randomVector(random, cols);
                Arrays.fill(out[q], Float.NaN);
            }
            dotProducts().batch(queries, m, out);
            for (int q = 0; q < queries.length; q++) {
                String context = "seed " + seed + ", trial " + trial + ": " + rows + "x" + cols + ", query " + q
                        + " of " + queries.length;
                for (int j = 0; j < rows; j++) {
                    if (queries[q] == null) {
                        assertEquals(0f, out[q][j], context + ", null query, row " + j);
                    } else {
                        assertNear(queries[q], m, j, out[q][j], context);
                    }
                }
            }
        }
    }

    @Test
    void aBatchGivesEachQueryTheSameBitsAsAlone() {
        long seed = 77;
        Random random = new Random(seed);
        for (int trial = 0; trial < 60; trial++) {
            boolean large = trial % 6 == 0;
            int rows = large ? 150 + random.nextInt(250) : random.nextInt(40);
            int cols = large ? 100 + random.nextInt(300) : randomCols(random);
            FloatMatrix m = randomMatrix(random, rows, cols);
            float[][] queries = new float[1 + random.nextInt(11)][];
            float[][] batched = new float[queries.length][rows];
            for (int q = 0; q < queries.length; q++) {
                queries[q] = randomVector(random, cols);
            }
            dotProducts().batch(queries, m, batched);
            for (int q = 0; q < queries.length; q++) {
                float[] alone = new float[rows];
                dotProducts().all(queries[q], m, alone);
                assertArrayEquals(alone, batched[q], "seed " + seed + ", trial " + trial + ": " + rows + "x" + cols
                        + ", query " + q + " of " + queries.length + " differs between all() and batch()");
            }
        }
    }

    @Test
    void oneRowAtAnOffsetGivesTheBitsOfTheWholeScanAndFailsPastTheEnd() {
        long seed = 93;
        Random random = new Random(seed);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + random.nextInt(20);
            int cols = trial % 6 == 0 ? 100 + random.nextInt(300) : randomCols(random);
            FloatMatrix m = randomMatrix(random, rows, cols);
            float[] query = randomVector(random, cols);
            float[] scanned = new float[rows];
            dotProducts().all(query, m, scanned);
            for (int j = 0; j < rows; j++) {
                assertEquals(scanned[j], dotProducts().dot(query, m.data(), m.offset(j)),
                        "seed " + seed + ", trial " + trial + ": " + rows + "x" + cols + ", row " + j + " differs between dot() and all()");
            }
            if (cols > 0) { // an empty row reads nothing, wherever it starts
                int past = m.data().length - cols + 1;
                assertThrows(IndexOutOfBoundsException.class, () -> dotProducts().dot(query, m.data(), past),
                        "seed " + seed + ", trial " + trial + ": a row running past the data");
            }
        }
    }

    /**
     * Rows that are not a heap matrix (a memory-mapped index segment) are scanned a block at a
     * time: every path gives the bits the heap matrix gets, over several blocks and a short last one.
     */
    @Test
    void rowsOfAnyKindGiveTheBitsOfTheHeapMatrix() {
        long seed = 2027;
        Random random = new Random(seed);
        for (int trial = 0; trial < 40; trial++) {
            int cols = trial % 4 == 0 ? randomCols(random) : 100 + random.nextInt(300);
            int blockRows = Math.max(1, RowBlocks.BLOCK_FLOATS / Math.max(1, cols));
            int rows = trial % 4 == 1 ? random.nextInt(5) : blockRows * (1 + random.nextInt(3)) + random.nextInt(blockRows);
            FloatMatrix m = randomMatrix(random, rows, cols);
            DenseRows other = notOnTheHeap(m);
            String context = "seed " + seed + ", trial " + trial + ": " + rows + "x" + cols;
            float[] query = randomVector(random, cols);
            float[] heap = new float[rows + 1];
            float[] blocks = new float[rows + 1];
            heap[rows] = blocks[rows] = 42f;
            dotProducts().all(query, m, heap);
            dotProducts().all(query, other, blocks);
            assertArrayEquals(heap, blocks, context + ", all()");
            float[][] queries = {query, null, randomVector(random, cols), randomVector(random, cols), randomVector(random, cols),
                randomVector(random, cols)};
            float[][] heapBatch = new float[queries.length][rows];
            float[][] blockBatch = new float[queries.length][rows];
            dotProducts().batch(queries, m, heapBatch);
            dotProducts().batch(queries, other, blockBatch);
            for (int q = 0; q < queries.length; q++) {
                assertArrayEquals(heapBatch[q], blockBatch[q], context + ", batch() query " + q);
            }
            for (int j = 0; j < rows; j += 1 + random.nextInt(7)) {
                assertEquals(heap[j], dotProducts().dot(query, other, j), context + ", dot() row " + j);
                assertEquals(heap[j], dotProducts().dot(query, (DenseRows) m, j), context + ", dot() of the heap rows, row " + j);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dotProducts().all(new float[2], notOnTheHeap(FloatMatrix.zeros(4, 3)), new float[4]));
        assertTrue(e.getMessage().contains("2 floats"), e.getMessage());
        // dot() reuses a scratch row as wide as the widest rows seen so far: a short query must still be refused
        IllegalArgumentException shortQuery = assertThrows(IllegalArgumentException.class,
                () -> dotProducts().dot(new float[2], notOnTheHeap(FloatMatrix.zeros(4, 3)), 1));
        assertTrue(shortQuery.getMessage().contains("2 floats"), shortQuery.getMessage());
    }

    /** The rows of {@code m} behind the interface alone, as mapped rows are read. */
    private static DenseRows notOnTheHeap(FloatMatrix m) {
        return new DenseRows() {
            @Override
            public int rows() {
                return m.rows();
            }

            @Override
            public int cols() {
                return m.cols();
            }

            @Override
            public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
                m.copyRows(firstRow, count, dst, dstOffset);
            }
        };
    }

    @Test
    void wrongLengthsAreRefusedWithTheirValues() {
        FloatMatrix m = FloatMatrix.zeros(4, 3);
        IllegalArgumentException shortQuery = assertThrows(IllegalArgumentException.class,
                () -> dotProducts().all(new float[2], m, new float[4]));
        assertTrue(shortQuery.getMessage().contains("2 floats"), shortQuery.getMessage());
        IllegalArgumentException shortOut = assertThrows(IllegalArgumentException.class,
                () -> dotProducts().all(new float[3], m, new float[3]));
        assertTrue(shortOut.getMessage().contains("4 rows"), shortOut.getMessage());
        IllegalArgumentException batchQuery = assertThrows(IllegalArgumentException.class,
                () -> dotProducts().batch(new float[][] {new float[3], new float[5]}, m, new float[2][4]));
        assertTrue(batchQuery.getMessage().contains("query 1 has 5 floats"), batchQuery.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> dotProducts().batch(new float[][] {null, null}, m, new float[1][4]));
    }

    /** Half the time fewer columns than any vector holds, otherwise up to a few hundred. */
    private static int randomCols(Random random) {
        return random.nextBoolean() ? random.nextInt(20) : random.nextInt(300);
    }

    private static FloatMatrix randomMatrix(Random random, int rows, int cols) {
        return new FloatMatrix(rows, cols, randomVector(random, rows * cols));
    }

    private static float[] randomVector(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void assertNear(float[] query, FloatMatrix m, int row, float actual, String context) {
        double exact = 0;
        double magnitude = 0;
        for (int i = 0; i < m.cols(); i++) {
            double p = (double) query[i] * m.get(row, i);
            exact += p;
            magnitude += Math.abs(p);
        }
        assertEquals(exact, actual, RELATIVE_TOLERANCE * magnitude + Float.MIN_NORMAL, context + ", row " + row);
    }
}
