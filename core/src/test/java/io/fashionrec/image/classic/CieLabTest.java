package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CieLabTest {

    /**
     * {@code skimage.color.rgb2lab(np.array([[rgb]], np.uint8) / 255.0)} with scikit-image
     * 0.19.3 and numpy 1.24.2. White is not exactly (100, 0, 0) there: the sRGB matrix rows do
     * not sum exactly to the white point.
     */
    @Test
    void equalsScikitImage() {
        assertLab(0xFFFFFF, 100.0, -0.0024549378620508655, 0.004653421154054982);
        assertLab(0x000000, 0.0, 0.0, 0.0);
        assertLab(0xFF0000, 53.2405879437449, 80.0923082256922, 67.2027510444287);
        assertLab(0x000080, 12.97116400963807, 47.501124213906536, -64.70044556721979);
        assertLab(0x808080, 53.58501345216902, -0.0014726455530578164, 0.0027914514965754478);
        assertLab(0x808000, 51.86908723560532, -12.930023866568385, 56.67466732365871);
        // Below both thresholds: the linear part of the sRGB curve and of f(t).
        assertLab(0x0A0503, 1.6228375839142828, 1.029321876020464, 1.2177046722339324);
    }

    private static void assertLab(int rgb, double l, double a, double b) {
        double[] lab = new double[3];
        CieLab.of(rgb, lab);
        assertArrayEquals(new double[] {l, a, b}, lab, 1e-9, String.format("Lab of #%06X", rgb));
    }
}
