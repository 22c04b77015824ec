package io.fashionrec.image.classic;

/**
 * Separates a product from its white studio background: the background is the set of
 * near-white pixels (every channel at least {@value #WHITE_THRESHOLD}) that are 4-connected to
 * the image border through near-white pixels; everything else is foreground. White that the
 * product encloses (a white shirt inside a dark outline) therefore stays foreground. This is the
 * prototype's {@code scipy.ndimage.label} of the near-white pixels minus the labels that touch
 * the border, done as one flood fill from the border.
 *
 * <p>Stateless and thread-safe.
 */
final class ForegroundMask {

    static final int WHITE_THRESHOLD = 235;

    private ForegroundMask() {
    }

    /** Whether a {@code 0xRRGGBB} pixel counts as background white. */
    static boolean nearWhite(int rgb) {
        return (rgb >> 16 & 0xFF) >= WHITE_THRESHOLD && (rgb >> 8 & 0xFF) >= WHITE_THRESHOLD && (rgb & 0xFF) >= WHITE_THRESHOLD;
    }

    /**
     * The mask of {@code rgb} ({@code width * height} packed pixels, row by row): true where the
     * pixel is foreground.
     */
    static boolean[] of(int[] rgb, int width, int height) {
        if (width < 1 || height < 1 || rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " pixels, got " + rgb.length);
        }
        boolean[] background = new boolean[rgb.length];
        int[] pending = new int[rgb.length];
        int count = 0;
        for (int x = 0; x < width; x++) {
            count = visit(rgb, background, pending, count, x);
            count = visit(rgb, background, pending, count, (height - 1) * width + x);
        }
        for (int y = 1; y < height - 1; y++) {
            count = visit(rgb, background, pending, count, y * width);
            count = visit(rgb, background, pending, count, y * width + width - 1);
        }
        while (count > 0) {
            int i = pending[--count];
            int x = i % width;
            if (x > 0) {
                count = visit(rgb, background, pending, count, i - 1);
            }
            if (x < width - 1) {
                count = visit(rgb, background, pending, count, i + 1);
            }
            if (i >= width) {
                count = visit(rgb, background, pending, count, i - width);
            }
            if (i + width < rgb.length) {
                count = visit(rgb, background, pending, count, i + width);
            }
        }
        boolean[] foreground = new boolean[rgb.length];
        for (int i = 0; i < foreground.length; i++) {
            foreground[i] = !background[i];
        }
        return foreground;
    }

    /** Marks pixel {@code i} as background and queues it, if it is near-white and not yet marked. */
    private static int visit(int[] rgb, boolean[] background, int[] pending, int count, int i) {
        if (!background[i] && nearWhite(rgb[i])) {
            background[i] = true;
            pending[count++] = i;
        }
        return count;
    }
}
