package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftColourHistogramTest {

    private static int bin(int l, int a, int b) {
        return (l * SoftColourHistogram.A_BINS + a) * SoftColourHistogram.B_BINS + b;
    }

    /**
     * L = 25 is the centre of L bin 1 (centres at 100 (i + 0.5) / 6); a = b = 0 lie halfway
     * between the centres of bins 5 and 6. The mass splits into four quarters, 0.5 after the root.
     */
    @Test
    void aColourSpreadsOverTheSurroundingBinCentres() {
        SoftColourHistogram histogram = new SoftColourHistogram();
        histogram.add(25, 0, 0, 2.0);
        float[] expected = new float[SoftColourHistogram.LENGTH];
        expected[bin(1, 5, 5)] = 0.5f;
        expected[bin(1, 5, 6)] = 0.5f;
        expected[bin(1, 6, 5)] = 0.5f;
        expected[bin(1, 6, 6)] = 0.5f;
        assertArrayEquals(expected, histogram.rootNormalised(), 1e-7f);
    }

    /** 3/4 of the way from the centre of a bin 2 to bin 3 (a = -80 + 160 (2.75 + 0.5) / 12). */
    @Test
    void theShareOfEachBinIsItsNearness() {
        SoftColourHistogram histogram = new SoftColourHistogram();
        histogram.add(100.0 * 0.5 / 6, -80 + 160 * 3.25 / 12, -80 + 160 * 0.5 / 12, 1.0);
        float[] out = histogram.rootNormalised();
        assertEquals(Math.sqrt(0.25), out[bin(0, 2, 0)], 1e-7);
        assertEquals(Math.sqrt(0.75), out[bin(0, 3, 0)], 1e-7);
    }

    @Test
    void coloursBeyondTheOuterCentresGoWhollyToTheOuterBins() {
        SoftColourHistogram histogram = new SoftColourHistogram();
        histogram.add(100, 95, -120, 0.3);
        float[] expected = new float[SoftColourHistogram.LENGTH];
        expected[bin(5, 11, 0)] = 1f;
        assertArrayEquals(expected, histogram.rootNormalised(), 1e-7f);
    }

    @Test
    void weightsAreRelative() {
        SoftColourHistogram light = new SoftColourHistogram();
        SoftColourHistogram heavy = new SoftColourHistogram();
        light.add(40, 10, -20, 0.1);
        light.add(70, -30, 50, 0.3);
        heavy.add(40, 10, -20, 1.0);
        heavy.add(70, -30, 50, 3.0);
        assertArrayEquals(light.rootNormalised(), heavy.rootNormalised(), 1e-6f);
    }

    @Test
    void anEmptyHistogramIsZerosNotNaN() {
        SoftColourHistogram histogram = new SoftColourHistogram();
        histogram.add(50, 0, 0, 0.0);
        assertArrayEquals(new float[SoftColourHistogram.LENGTH], histogram.rootNormalised());
    }
}
