package io.fashionrec.synthetic;

import java.awt.Color;

/** Small colour arithmetic for drawing: shading, outlines, translucency. */
final class Tones {

    private Tones() {
    }

    /** {@code c} moved toward black by {@code amount} (0 = unchanged, 1 = black). */
    static Color darker(Color c, double amount) {
        return mix(c, Color.BLACK, amount);
    }

    /** {@code c} moved toward white by {@code amount} (0 = unchanged, 1 = white). */
    static Color lighter(Color c, double amount) {
        return mix(c, Color.WHITE, amount);
    }

    /** The opaque colour {@code amount} of the way from {@code a} to {@code b}. */
    static Color mix(Color a, Color b, double amount) {
        return new Color(
                channel(a.getRed() + (b.getRed() - a.getRed()) * amount),
                channel(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
                channel(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
    }

    /** {@code c} with alpha {@code alpha} (0-255). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Perceived brightness 0-255 (Rec. 601 weights). */
    static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** The colour of an outline around a fill of {@code c}: clearly darker, still of its hue. */
    static Color outline(Color c) {
        return darker(c, luminance(c) > 200 ? 0.35 : 0.45);
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
