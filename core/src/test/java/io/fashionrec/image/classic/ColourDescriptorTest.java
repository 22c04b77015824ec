package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fashionrec.image.TestImages;
import org.junit.jupiter.api.Test;

class ColourDescriptorTest {

    private static final int RED = 0xFF0000;

    private static int bin(int l, int a, int b) {
        return (l * SoftColourHistogram.A_BINS + a) * SoftColourHistogram.B_BINS + b;
    }

    /**
     * The prototype's {@code colour()} of a solid red 64x64 image: red's Lab (53.2, 80.1, 67.2)
     * lies between L bins 2 and 3, past the last a centre, between b bins 10 and 11.
     */
    @Test
    void aSolidColourFallsAroundItsLabBins() {
        float[] expected = new float[SoftColourHistogram.LENGTH];
        expected[bin(2, 11, 10)] = 0.3748289291035353f;
        expected[bin(2, 11, 11)] = 0.4062856104791337f;
        expected[bin(3, 11, 10)] = 0.5650636650634578f;
        expected[bin(3, 11, 11)] = 0.612485372110834f;
        float[] actual = new ColourDescriptor().describe(TestImages.rgb(64, 64, (x, y) -> RED));
        assertArrayEquals(expected, actual, 1e-7f);
    }

    /** At 64x64 nothing is resampled, so the square's edge stays crisp: only red is foreground. */
    @Test
    void theWhiteBackgroundIsIgnored() {
        ColourDescriptor colour = new ColourDescriptor();
        float[] solid = colour.describe(TestImages.rgb(64, 64, (x, y) -> RED));
        float[] onWhite = colour.describe(TestImages.rgb(64, 64, (x, y) -> x >= 20 && x < 40 && y >= 10 && y < 50 ? RED : 0xFFFFFF));
        assertArrayEquals(solid, onWhite, 1e-6f);
    }

    @Test
    void anAllWhiteImageGivesZeros() {
        float[] out = new ColourDescriptor().describe(TestImages.rgb(224, 224, (x, y) -> 0xFFFFFF));
        assertArrayEquals(new float[SoftColourHistogram.LENGTH], out);
        assertEquals(864, out.length);
    }
}
