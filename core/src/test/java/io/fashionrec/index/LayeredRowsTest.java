package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows taken partly from earlier layers and partly from a compact computed one read as one matrix. */
class LayeredRowsTest {

    /** Heap rows that record each {@link #copyRows} call as {@code "first+count"}. */
    private record Recording(FloatMatrix matrix, List<String> calls) implements DenseRows {

        @Override
        public int rows() {
            return matrix.rows();
        }

        @Override
        public int cols() {
            return matrix.cols();
        }

        @Override
        public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
            calls.add(firstRow + "+" + count);
            matrix.copyRows(firstRow, count, dst, dstOffset);
        }
    }

    private static FloatMatrix random(Random random, int rows, int cols) {
        FloatMatrix m = FloatMatrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextFloat() - 0.5f;
        }
        return m;
    }

    /** What {@code sources} select, row by row, into a plain heap matrix. */
    private static FloatMatrix reference(FloatMatrix previous, FloatMatrix computed, int[] sources) {
        FloatMatrix out = FloatMatrix.zeros(sources.length, previous.cols());
        for (int i = 0; i < sources.length; i++) {
            float[] row = sources[i] >= 0 ? previous.row(sources[i]) : computed.row(-1 - sources[i]);
            System.arraycopy(row, 0, out.data(), out.offset(i), out.cols());
        }
        return out;
    }

    @Test
    void sourcesNumberTheRowsToComputeInOrder() {
        int[] sources = LayeredRows.sources(new int[] {5, 6, 7, -1, -1, 0, -1});
        assertArrayEquals(new int[] {5, 6, 7, -1, -2, 0, -3}, sources);
        assertEquals(3, LayeredRows.computedCount(sources));
    }

    @Test
    void runsConsecutiveInOneSourceAreCopiedWithOneCall() {
        Random random = new Random(1);
        Recording previous = new Recording(random(random, 8, 3), new ArrayList<>());
        Recording computed = new Recording(random(random, 3, 3), new ArrayList<>());
        int[] sources = {5, 6, 7, -1, -2, 0, -3};
        LayeredRows rows = LayeredRows.stack(LayeredRows.of(previous, null), computed.matrix(), sources);
        float[] all = new float[sources.length * 3];
        rows.copyRows(0, sources.length, all, 0);
        assertEquals(List.of("5+3", "0+1"), previous.calls());
        assertArrayEquals(reference(previous.matrix(), computed.matrix(), sources).data(), all);

        // A range starting inside a run copies only its part of it.
        float[] middle = new float[4 * 3];
        rows.copyRows(1, 4, middle, 0);
        assertEquals(List.of("5+3", "0+1", "6+2"), previous.calls());
        float[] expected = new float[4 * 3];
        System.arraycopy(all, 3, expected, 0, expected.length);
        assertArrayEquals(expected, middle);
    }

    @Test
    void anyRangeReadsAsAPlainHeapCopy() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 50; trial++) {
            int cols = 1 + random.nextInt(9);
            int previousRows = 1 + random.nextInt(40);
            int n = random.nextInt(60);
            int[] before = new int[n];
            int next = random.nextInt(previousRows);
            for (int i = 0; i < n; i++) {
                // Mostly runs in order, as an update that kept most products; some jumps and rows to compute.
                int kind = random.nextInt(10);
                if (kind < 2) {
                    before[i] = -1;
                } else {
                    next = kind < 8 && next + 1 < previousRows ? next + 1 : random.nextInt(previousRows);
                    before[i] = next;
                }
            }
            int[] sources = LayeredRows.sources(before);
            FloatMatrix previous = random(random, previousRows, cols);
            FloatMatrix computed = random(random, LayeredRows.computedCount(sources), cols);
            FloatMatrix expected = reference(previous, computed, sources);
            LayeredRows rows = LayeredRows.stack(LayeredRows.of(previous, null), computed, sources);
            assertEquals(n, rows.rows());
            assertEquals(cols, rows.cols());
            for (int range = 0; range < 20 && n > 0; range++) {
                int first = random.nextInt(n);
                int count = random.nextInt(n - first + 1);
                int offset = random.nextInt(3);
                float[] got = new float[offset + count * cols + 2];
                float[] want = new float[got.length];
                rows.copyRows(first, count, got, offset);
                expected.copyRows(first, count, want, offset);
                assertArrayEquals(want, got, "seed " + seed + ", trial " + trial + ", rows " + first + "+" + count);
            }
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected.row(i), rows.row(i), "seed " + seed + ", trial " + trial + ", row " + i);
            }
        }
    }

    /**
     * A chain of updates stacks a layer each and reads, after any number of them, what a plain
     * matrix built by following the sources from the start would hold; compaction is called for
     * once too many rows are dead or too many layers stacked.
     */
    @Test
    void aChainOfUpdatesReadsAsThePlainMatrixOfTheLastOne() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int cols = 1 + random.nextInt(6);
        FloatMatrix plain = random(random, 50 + random.nextInt(50), cols);
        LayeredRows rows = LayeredRows.of(plain, null);
        assertTrue(rows.isSingleMatrix());
        int layers = 1;
        for (int update = 1; update <= 12; update++) {
            int n = Math.max(1, plain.rows() + random.nextInt(11) - 5);
            int[] before = new int[n];
            for (int i = 0; i < n; i++) {
                // Most products keep their photo (in order, with gaps where products left); some get a new one.
                before[i] = random.nextInt(20) == 0 ? -1 : Math.min(plain.rows() - 1, i + random.nextInt(2));
            }
            int[] sources = LayeredRows.sources(before);
            FloatMatrix computed = random(random, LayeredRows.computedCount(sources), cols);
            plain = reference(plain, computed, sources);
            rows = LayeredRows.stack(rows, computed, sources);
            layers += computed.rows() > 0 ? 1 : 0;
            assertEquals(layers, rows.layers().size(), "seed " + seed + ": a layer for each update that computed rows");
            float[] got = new float[n * cols];
            rows.copyRows(0, n, got, 0);
            assertArrayEquals(plain.data(), got, "seed " + seed + ", update " + update);
            double live = (double) n / rows.stackedRows();
            assertEquals(rows.layers().size() <= LayeredRows.MAX_LAYERS && live >= LayeredRows.MIN_LIVE_SHARE, rows.worthKeeping(),
                    "seed " + seed + ", update " + update + ": " + rows.layers().size() + " layers, live share " + live);
        }
        assertFalse(rows.worthKeeping(), "seed " + seed + ": " + layers + " layers, " + rows.stackedRows() + " rows stacked for " + rows.rows());
    }

    @Test
    void outOfRangeRowsAndSourcesAreRefused() {
        FloatMatrix previous = FloatMatrix.zeros(4, 2);
        FloatMatrix computed = FloatMatrix.zeros(1, 2);
        LayeredRows rows = LayeredRows.stack(LayeredRows.of(previous, null), computed, new int[] {3, -1});
        assertThrows(IndexOutOfBoundsException.class, () -> rows.copyRows(1, 2, new float[4], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.copyRows(0, 2, new float[3], 0));
        LayeredRows before = LayeredRows.of(previous, null);
        assertThrows(IllegalArgumentException.class, () -> LayeredRows.stack(before, computed, new int[] {4}));
        assertThrows(IllegalArgumentException.class, () -> LayeredRows.stack(before, computed, new int[] {-2}));
        assertThrows(IllegalArgumentException.class, () -> LayeredRows.stack(before, FloatMatrix.zeros(1, 3), new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new LayeredRows(List.of(new LayeredRows.Layer(previous, null)), new int[] {4}));
    }
}
