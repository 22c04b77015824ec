package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class HogDescriptorTest {

    /** A grey image of {@code side x side} whose value at (x, y) is {@code value(x, y) / 255f}. */
    private static float[] grey(int side, IntBinaryOperator value) {
        float[] grey = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                grey[y * side + x] = value.applyAsInt(x, y) / 255f;
            }
        }
        return grey;
    }

    /**
     * A 24x24 image is 2x2 cells and one block. A step between columns 11 and 12 gives 12 pixels
     * of magnitude 1 in each cell, all at 0 degrees: each cell's bin 0 is 12/144, and L2-Hys
     * turns four equal values into 0.5 each (clipped to 0.2, renormalised).
     */
    @Test
    void aVerticalEdgePutsAllEnergyInTheZeroDegreeBin() {
        float[] hog = new HogDescriptor(24).describe(grey(24, (x, y) -> x < 12 ? 0 : 255));
        assertEnergyOnlyIn(hog, 0);
    }

    @Test
    void aHorizontalEdgePutsAllEnergyInTheNinetyDegreeBin() {
        float[] hog = new HogDescriptor(24).describe(grey(24, (x, y) -> y < 12 ? 0 : 255));
        assertEnergyOnlyIn(hog, 6);
    }

    private static void assertEnergyOnlyIn(float[] hog, int bin) {
        assertEquals(48, hog.length);
        for (int i = 0; i < hog.length; i++) {
            assertEquals(i % HogDescriptor.ORIENTATIONS == bin ? 0.5 : 0.0, hog[i], 1e-6, "value " + i + " of " + Arrays.toString(hog));
        }
    }

    @Test
    void orientationIsUnsigned() {
        HogDescriptor hog = new HogDescriptor(24);
        float[] darkToLight = hog.describe(grey(24, (x, y) -> x + y < 24 ? 30 : 200));
        float[] lightToDark = hog.describe(grey(24, (x, y) -> x + y < 24 ? 200 : 30));
        assertTrue(Arrays.equals(darkToLight, lightToDark), Arrays.toString(darkToLight) + " vs " + Arrays.toString(lightToDark));
    }

    @Test
    void aConstantImageGivesZerosNotNaN() {
        HogDescriptor hog = new HogDescriptor(96);
        for (int value : new int[] {0, 128, 255}) {
            float[] out = hog.describe(grey(96, (x, y) -> value));
            assertEquals(2352, out.length);
            for (float v : out) {
                assertEquals(0f, v, "grey level " + value);
            }
        }
    }

    /** 3x3 cells, 2x2 blocks: checks the layout, the single-precision sums and L2-Hys together. */
    @Test
    void equalsScikitImageOnAPattern() {
        double[] expected = GoldenValues.read("/golden/classic-hog-36.txt");
        float[] actual = new HogDescriptor(36).describe(grey(36, (x, y) -> (x * x + 3 * y * y + 5 * x * y) % 256));
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], actual[i], "value " + i);
        }
    }

    @Test
    void orientationBinsOfKnownGradients() {
        float s15 = (float) Math.sin(Math.toRadians(15));
        float c15 = (float) Math.cos(Math.toRadians(15));
        Object[][] cases = {
            // gRow, gColumn, bin
            {0f, 0f, 0}, {0f, 1f, 0}, {0f, -1f, 0}, {1f, 0f, 6}, {-1f, 0f, 6},
            {1f, 1f, 3}, {-1f, -1f, 3}, {1f, -1f, 9}, {-1f, 1f, 9},
            {0.01f, 1f, 0}, {-0.01f, 1f, 11}, {0.01f, -1f, 11}, {1f, 0.01f, 5}, {1f, -0.01f, 6},
            {s15 * 1.001f, c15, 1}, {s15 * 0.999f, c15, 0},
        };
        for (Object[] c : cases) {
            assertEquals((int) c[2], HogDescriptor.orientationBin((float) c[0], (float) c[1]), "gradient (" + c[0] + ", " + c[1] + ")");
        }
    }

    /**
     * Against the definition, on every gradient an 8-bit image divided by 255 in single precision
     * can produce: differences of two values k/255f. (numpy's {@code degrees(arctan2) % 180} gives
     * the same bins as Java's on all of these pairs.)
     */
    @Test
    void orientationBinEqualsTheAtan2DefinitionOnEveryPossibleGradient() {
        TreeSet<Float> distinct = new TreeSet<>();
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                distinct.add(a / 255f - b / 255f);
            }
        }
        float[] gradients = new float[distinct.size()];
        int n = 0;
        for (float g : distinct) {
            gradients[n++] = g;
        }
        for (float gRow : gradients) {
            for (float gColumn : gradients) {
                int expected = atan2Bin(gRow, gColumn);
                int actual = HogDescriptor.orientationBin(gRow, gColumn);
                if (actual != expected) {
                    assertEquals(expected, actual, "gradient (" + gRow + ", " + gColumn + ")");
                }
            }
        }
    }

    /** scikit-image's binning: θ = degrees(atan2) with Python's modulo 180; bin i holds [15i, 15(i+1)). */
    private static int atan2Bin(float gRow, float gColumn) {
        double theta = Math.toDegrees(Math.atan2(gRow, gColumn)) % 180;
        if (theta < 0) {
            theta += 180;
        }
        int bin = 0;
        for (int k = 1; k < HogDescriptor.ORIENTATIONS; k++) {
            if (theta >= 15.0 * k) {
                bin = k;
            }
        }
        return bin;
    }

    @Test
    void rejectsImagesTooSmallOrOfTheWrongSize() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> new HogDescriptor(23));
        assertTrue(small.getMessage().contains("23"), small.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new HogDescriptor(24).describe(new float[25]));
        assertTrue(size.getMessage().contains("got 25"), size.getMessage());
    }
}
