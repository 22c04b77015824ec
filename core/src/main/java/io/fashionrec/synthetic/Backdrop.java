package io.fashionrec.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Puts a drawn product on a white studio background with a soft drop shadow, the look of
 * catalog photos. The shadow is the product's silhouette, blurred, offset down and to the right,
 * and faint, so that the product's own colour dominates the non-white pixels.
 */
final class Backdrop {

    /**
     * Darkness of the shadow's core in 1/256: 23/256 = 9% toward black, so no shadow pixel is
     * darker than 232. Faint on purpose: colour features treat near-white as background, and a
     * darker shadow would turn every product's colour greyer.
     */
    static final int SHADOW_STRENGTH = 23;

    private Backdrop() {
    }

    /**
     * Composes {@code product} (drawn on a transparent ARGB image) onto white with its shadow.
     * Works on the pixel arrays directly: this runs once per image and per-pixel accessors
     * would cost more than the drawing itself.
     *
     * @param product the drawing, type {@link BufferedImage#TYPE_INT_ARGB}
     * @param unit    pixels per design unit, which scales the blur and the offset
     * @return a new opaque image of type {@link BufferedImage#TYPE_INT_RGB}, same size
     */
    static BufferedImage compose(BufferedImage product, double unit) {
        int w = product.getWidth();
        int h = product.getHeight();
        int[] argb = ((DataBufferInt) product.getRaster().getDataBuffer()).getData();
        int dx = (int) Math.round(2.5 * unit);
        int dy = (int) Math.round(4.5 * unit);
        int[] shadow = new int[w * h];
        for (int y = dy; y < h; y++) {
            for (int x = dx; x < w; x++) {
                shadow[y * w + x] = argb[(y - dy) * w + x - dx] >>> 24;
            }
        }
        int radius = Math.max(1, (int) Math.round(3 * unit));
        int[] scratch = new int[w * h];
        // Two box blurs in a row approximate a Gaussian at a fraction of its cost.
        for (int pass = 0; pass < 2; pass++) {
            blurRows(shadow, scratch, w, h, radius);
            blurColumns(scratch, shadow, w, h, radius);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            int background = 255 - shadow[i] * SHADOW_STRENGTH / 256;
            int p = argb[i];
            int a = p >>> 24;
            if (a == 255) {
                rgb[i] = p & 0xFFFFFF;
            } else {
                int keep = 255 - a;
                int r = (((p >> 16) & 0xFF) * a + background * keep + 127) / 255;
                int g = (((p >> 8) & 0xFF) * a + background * keep + 127) / 255;
                int b = ((p & 0xFF) * a + background * keep + 127) / 255;
                rgb[i] = (r << 16) | (g << 8) | b;
            }
        }
        return image;
    }

    /** Box blur of radius {@code r} along each row of {@code in} into {@code out}; outside counts as 0. */
    private static void blurRows(int[] in, int[] out, int w, int h, int r) {
        int window = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int sum = 0;
            for (int x = 0; x <= r && x < w; x++) {
                sum += in[row + x];
            }
            for (int x = 0; x < w; x++) {
                out[row + x] = sum / window;
                if (x + r + 1 < w) {
                    sum += in[row + x + r + 1];
                }
                if (x - r >= 0) {
                    sum -= in[row + x - r];
                }
            }
        }
    }

    /** Box blur of radius {@code r} down each column, one running sum per column so rows are read in order. */
    private static void blurColumns(int[] in, int[] out, int w, int h, int r) {
        int window = 2 * r + 1;
        int[] sums = new int[w];
        for (int y = 0; y <= r && y < h; y++) {
            for (int x = 0; x < w; x++) {
                sums[x] += in[y * w + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                out[row + x] = sums[x] / window;
            }
            if (y + r + 1 < h) {
                int entering = (y + r + 1) * w;
                for (int x = 0; x < w; x++) {
                    sums[x] += in[entering + x];
                }
            }
            if (y - r >= 0) {
                int leaving = (y - r) * w;
                for (int x = 0; x < w; x++) {
                    sums[x] -= in[leaving + x];
                }
            }
        }
    }
}
