package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ColorJitterTest {

    private static final BufferedImage PHOTO = rgb(24, 16, (x, y) -> (x * 10) << 16 | (y * 15) << 8 | (x * y) % 256);

    @Test
    void theSameSeedGivesTheSameFactorsAndPixels() {
        ColorJitter first = new ColorJitter(0.2, 0.2, 0.2, 42);
        ColorJitter second = new ColorJitter(0.2, 0.2, 0.2, 42);
        assertEquals(first.brightnessFactor(), second.brightnessFactor());
        assertEquals(first.contrastFactor(), second.contrastFactor());
        assertEquals(first.saturationFactor(), second.saturationFactor());
        assertArrayEquals(pixels(first.apply(PHOTO)), pixels(second.apply(PHOTO)));
        assertArrayEquals(pixels(first.apply(PHOTO)), pixels(first.apply(PHOTO)), "applying twice changes nothing");
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        ColorJitter one = new ColorJitter(0.2, 0.2, 0.2, 1);
        ColorJitter two = new ColorJitter(0.2, 0.2, 0.2, 2);
        assertNotEquals(one.brightnessFactor(), two.brightnessFactor());
        assertFalse(Arrays.equals(pixels(one.apply(PHOTO)), pixels(two.apply(PHOTO))));
    }

    @Test
    void factorsStayWithinOnePlusOrMinusTheStrength() {
        for (long seed = 0; seed < 200; seed++) {
            ColorJitter jitter = new ColorJitter(0.1, 0.3, 1.5, seed);
            String context = "seed " + seed;
            assertTrue(jitter.brightnessFactor() >= 0.9 && jitter.brightnessFactor() <= 1.1, context);
            assertTrue(jitter.contrastFactor() >= 0.7 && jitter.contrastFactor() <= 1.3, context);
            assertTrue(jitter.saturationFactor() >= 0 && jitter.saturationFactor() <= 2.5, context);
        }
    }

    @Test
    void zeroStrengthChangesNothing() {
        assertArrayEquals(pixels(PHOTO), pixels(new ColorJitter(0, 0, 0, 99).apply(PHOTO)));
    }

    @Test
    void brightnessScalesAndClampsEachChannel() {
        ColorJitter jitter = new ColorJitter(0.5, 0, 0, 7);
        double b = jitter.brightnessFactor();
        BufferedImage image = rgb(2, 1, (x, y) -> x == 0 ? 0x6432C8 : 0xFFFFFF);
        BufferedImage out = jitter.apply(image);
        int expected = channel(100 * b) << 16 | channel(50 * b) << 8 | channel(200 * b);
        assertEquals(expected, out.getRGB(0, 0) & 0xFFFFFF, "factor " + b);
        assertEquals(channel(255 * b) * 0x010101, out.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void contrastBlendsWithTheMeanGrey() {
        ColorJitter jitter = new ColorJitter(0, 0.5, 0, 3);
        double c = jitter.contrastFactor();
        // Two grey pixels, 40 and 200: the mean grey is 120.
        BufferedImage out = jitter.apply(rgb(2, 1, (x, y) -> x == 0 ? 0x282828 : 0xC8C8C8));
        assertEquals(channel(120 + (40 - 120) * c) * 0x010101, out.getRGB(0, 0) & 0xFFFFFF, "factor " + c);
        assertEquals(channel(120 + (200 - 120) * c) * 0x010101, out.getRGB(1, 0) & 0xFFFFFF, "factor " + c);
    }

    @Test
    void saturationLeavesGreyAloneAndMovesColourFromItsGrey() {
        ColorJitter jitter = new ColorJitter(0, 0, 0.9, 5);
        double s = jitter.saturationFactor();
        BufferedImage out = jitter.apply(rgb(2, 1, (x, y) -> x == 0 ? 0x808080 : 0xFF0000));
        assertEquals(0x808080, out.getRGB(0, 0) & 0xFFFFFF);
        double grey = 0.299 * 255;
        int expected = channel(grey + (255 - grey) * s) << 16 | channel(grey - grey * s) << 8 | channel(grey - grey * s);
        assertEquals(expected, out.getRGB(1, 0) & 0xFFFFFF, "factor " + s);
    }

    @Test
    void strengthsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(-0.1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, Double.POSITIVE_INFINITY, 1));
        assertEquals("ColorJitter(brightness 0.1, contrast 0.2, saturation 0.3, seed 9)", new ColorJitter(0.1, 0.2, 0.3, 9).toString());
    }

    private static int channel(double value) {
        return (int) Math.round(Math.max(0, Math.min(255, value)));
    }
}
