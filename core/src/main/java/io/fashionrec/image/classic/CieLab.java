package io.fashionrec.image.classic;

/**
 * CIE L*a*b* of 8-bit sRGB colours, as scikit-image's {@code rgb2lab} computes it (illuminant
 * D65, 2° observer): channels / 255, the sRGB transfer function inverted (linear below 0.04045
 * with slope 1/12.92, else {@code ((c + 0.055) / 1.055)^2.4}), the sRGB-to-XYZ matrix, division
 * by the white point (0.95047, 1, 1.08883), {@code f(t) = cbrt(t)} above 0.008856 else
 * {@code 7.787 t + 16/116}, then {@code L = 116 f(Y) - 16}, {@code a = 500 (f(X) - f(Y))},
 * {@code b = 200 (f(Y) - f(Z))}. White is (100, 0, 0).
 *
 * <p>Stateless and thread-safe; {@link StrictMath} keeps the values the same on every machine.
 */
final class CieLab {

    /** Linear-light value of each 8-bit sRGB channel value. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            double c = v / 255.0;
            LINEAR[v] = c > 0.04045 ? StrictMath.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
        }
    }

    private static final double WHITE_X = 0.95047;
    private static final double WHITE_Y = 1.0;
    private static final double WHITE_Z = 1.08883;

    private CieLab() {
    }

    /** Writes L, a and b of the {@code 0xRRGGBB} colour {@code rgb} into {@code lab[0..2]}. */
    static void of(int rgb, double[] lab) {
        double r = LINEAR[rgb >> 16 & 0xFF];
        double g = LINEAR[rgb >> 8 & 0xFF];
        double b = LINEAR[rgb & 0xFF];
        double fx = f((0.412453 * r + 0.357580 * g + 0.180423 * b) / WHITE_X);
        double fy = f((0.212671 * r + 0.715160 * g + 0.072169 * b) / WHITE_Y);
        double fz = f((0.019334 * r + 0.119193 * g + 0.950227 * b) / WHITE_Z);
        lab[0] = 116 * fy - 16;
        lab[1] = 500 * (fx - fy);
        lab[2] = 200 * (fy - fz);
    }

    private static double f(double t) {
        return t > 0.008856 ? StrictMath.cbrt(t) : 7.787 * t + 16.0 / 116.0;
    }
}
