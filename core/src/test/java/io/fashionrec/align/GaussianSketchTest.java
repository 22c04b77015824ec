package io.fashionrec.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sketch is regenerated from its seed wherever an index is read, so its matrix and its sums
 * must never drift: both are checked here against their definitions, bit for bit.
 */
class GaussianSketchTest {

    /** Projecting the i-th unit vector gives the i-th row of the matrix, drawn input by input from {@code Random(seed)}. */
    @Test
    void theMatrixIsDrawnFromTheSeedInputByInput() {
        int in = 7;
        int out = 6;
        long seed = 42L;
        GaussianSketch sketch = new GaussianSketch(in, out, seed);
        Random random = new Random(seed);
        double scale = 1.0 / Math.sqrt(out);
        float[] unit = new float[in];
        float[] row = new float[out];
        for (int i = 0; i < in; i++) {
            unit[i] = 1f;
            sketch.project(unit, 0, row, 0);
            unit[i] = 0f;
            for (int j = 0; j < out; j++) {
                assertEquals((float) (random.nextGaussian() * scale), row[j], "entry (" + i + ", " + j + ")");
            }
        }
    }

    /**
     * Every output is the float sum, input by input in order, of input times matrix entry: the
     * same bits whatever the output dimension (a multiple of four or not), the offsets, or the
     * zeros among the inputs.
     */
    @Test
    void eachOutputIsTheInOrderFloatSum() {
        long seed = 20261127L;
        Random random = new Random(seed);
        for (int out : new int[] {1, 3, 4, 5, 8, 13}) {
            int in = 1 + random.nextInt(40);
            GaussianSketch sketch = new GaussianSketch(in, out, seed + out);
            float[][] matrix = rows(sketch);
            int offset = random.nextInt(5);
            float[] x = new float[offset + in];
            for (int i = 0; i < in; i++) {
                x[offset + i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
            }
            float[] actual = new float[out + 2];
            sketch.project(x, offset, actual, 2);
            for (int j = 0; j < out; j++) {
                float expected = 0;
                for (int i = 0; i < in; i++) {
                    expected += x[offset + i] * matrix[i][j];
                }
                assertEquals(expected, actual[2 + j], "seed " + seed + ", " + in + " -> " + out + ", output " + j);
            }
        }
    }

    @Test
    void dimensionsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianSketch(0, 4, 1L));
        assertEquals("sketch dimensions must be >= 1, got 0 -> 4", e.getMessage());
    }

    /** The matrix, read back through unit vectors. */
    private static float[][] rows(GaussianSketch sketch) {
        float[][] rows = new float[sketch.inputDimension()][sketch.outputDimension()];
        float[] unit = new float[sketch.inputDimension()];
        for (int i = 0; i < rows.length; i++) {
            unit[i] = 1f;
            sketch.project(unit, 0, rows[i], 0);
            unit[i] = 0f;
        }
        return rows;
    }
}
