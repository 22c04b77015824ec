package io.fashionrec.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SparseMatrixTest {

    @Test
    void rowsOfAMatrixByHand() {
        SparseMatrix m = SparseMatrix.of(5, new int[] {0, 2, 2, 3}, new int[] {0, 4, 1}, new float[] {0.6f, 0.8f, 1f});
        assertEquals(3, m.rows());
        assertEquals(5, m.cols());
        assertEquals(3, m.nonZeros());
        assertEquals(new SparseVector(new int[] {0, 4}, new float[] {0.6f, 0.8f}), m.row(0));
        assertSame(SparseVector.EMPTY, m.row(1));
        assertTrue(m.isEmpty(1));
        assertEquals(new SparseVector(new int[] {1}, new float[] {1f}), m.asList().get(2));
        assertEquals(2, m.rowStart(2));
        assertEquals(1, m.index(2));
        assertEquals(1f, m.value(2));
    }

    @Test
    void listsRoundTrip() {
        long seed = 20_250_613L;
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int cols = 1 + random.nextInt(40);
            List<SparseVector> rows = new ArrayList<>();
            for (int r = random.nextInt(30); r > 0; r--) {
                TreeMap<Integer, Float> entries = new TreeMap<>();
                for (int k = random.nextInt(Math.min(cols, 8) + 1); k > 0; k--) {
                    entries.put(random.nextInt(cols), random.nextFloat());
                }
                rows.add(new SparseVector(entries.keySet().stream().mapToInt(Integer::intValue).toArray(), floats(entries)));
            }
            assertEquals(rows, SparseMatrix.of(cols, rows).asList(), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void refusesArraysThatBreakTheContract() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseMatrix.of(5, new int[] {0, 2}, new int[] {3, 3}, new float[] {1, 1}));
        assertEquals("row 0 has index 3 at position 1 (indices must increase and stay below 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(5, new int[] {0, 1, 2}, new int[] {1, 5}, new float[] {1, 1}));
        assertEquals("row 1 has index 5 at position 0 (indices must increase and stay below 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(5, new int[] {0, 2, 1}, new int[] {1}, new float[] {1}));
        assertEquals("row pointer 2 (1) is below the one before (2)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(5, new int[] {0, 1}, new int[] {1}, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.of(5, new int[] {1}, new int[0], new float[0]));
    }

    private static float[] floats(TreeMap<Integer, Float> entries) {
        float[] out = new float[entries.size()];
        int i = 0;
        for (float v : entries.values()) {
            out[i++] = v;
        }
        return out;
    }
}
