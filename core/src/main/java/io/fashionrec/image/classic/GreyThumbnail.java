package io.fashionrec.image.classic;

import io.fashionrec.image.transform.Resize;
import java.awt.image.BufferedImage;

/**
 * The grey image the shape descriptor reads, made as the prototype makes it with Pillow:
 * {@code convert("L")} first, then {@code resize((side, side), BILINEAR)}, then each value
 * divided by 255 in single precision (numpy's {@code float32 / 255}).
 *
 * <p>The resampling is {@link Resize}'s, which is Pillow's, at a third of the cost of resizing a
 * grey-as-RGB image. Pillow's filter is separable: a pass along rows rounded to 8 bits, then a
 * pass along columns, each treating every line and every channel alike with integer sums. So the
 * thumbnail is made by two row-only resizes, the second of the transposed result, each with
 * three grey lines packed into the three channels of one line; every value meets the same taps
 * and roundings as in a one-step resize.
 *
 * <p>Immutable and thread-safe.
 */
final class GreyThumbnail {

    private static final int CHANNELS = 3;

    private final int side;

    GreyThumbnail(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("side must be positive, got " + side);
        }
        this.side = side;
    }

    int side() {
        return side;
    }

    /**
     * Pillow's ITU-R 601-2 luma of one {@code 0xRRGGBB} pixel, in its 16-bit fixed point with
     * rounding: {@code (R*19595 + G*38470 + B*7471 + 0x8000) >> 16}.
     */
    static int luma(int rgb) {
        return ((rgb >> 16 & 0xFF) * 19595 + (rgb >> 8 & 0xFF) * 38470 + (rgb & 0xFF) * 7471 + 0x8000) >> 16;
    }

    /**
     * The thumbnail of a {@code TYPE_INT_RGB} image of any size: {@code side * side} values in
     * [0, 1], row by row.
     */
    float[] of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] grey = PackedPixels.read(image);
        for (int i = 0; i < grey.length; i++) {
            grey[i] = luma(grey[i]);
        }
        int[] narrow = transpose(shrinkLines(grey, width, height), side, height);
        int[] transposed = shrinkLines(narrow, height, side);
        float[] out = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[y * side + x] = transposed[x * side + y] / 255f;
            }
        }
        return out;
    }

    /**
     * Resamples each of {@code lines} consecutive lines of {@code length} grey values to
     * {@code side} values: a row-only resize of an image whose pixels hold three lines each.
     */
    private int[] shrinkLines(int[] grey, int length, int lines) {
        int packedLines = (lines + CHANNELS - 1) / CHANNELS;
        int[] packed = new int[length * packedLines];
        for (int p = 0; p < packedLines; p++) {
            // A last group short of lines repeats the last line; those channels are not read back.
            int first = p * CHANNELS * length;
            int second = Math.min(p * CHANNELS + 1, lines - 1) * length;
            int third = Math.min(p * CHANNELS + 2, lines - 1) * length;
            for (int i = 0; i < length; i++) {
                packed[p * length + i] = grey[first + i] << 16 | grey[second + i] << 8 | grey[third + i];
            }
        }
        BufferedImage resized = new Resize(side, packedLines).apply(PackedPixels.image(packed, length, packedLines));
        int[] shrunk = PackedPixels.read(resized);
        int[] out = new int[side * lines];
        for (int line = 0; line < lines; line++) {
            int from = line / CHANNELS * side;
            int shift = 16 - 8 * (line % CHANNELS);
            for (int i = 0; i < side; i++) {
                out[line * side + i] = shrunk[from + i] >> shift & 0xFF;
            }
        }
        return out;
    }

    /** The transpose of a {@code columns x rows} matrix stored row by row. */
    private static int[] transpose(int[] matrix, int columns, int rows) {
        int[] out = new int[matrix.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                out[x * rows + y] = matrix[y * columns + x];
            }
        }
        return out;
    }
}
