package io.fashionrec.image.classic;

import io.fashionrec.image.transform.PillowBilinear;
import java.awt.image.BufferedImage;

/**
 * The grey image the shape descriptor reads, made as the prototype makes it with Pillow:
 * {@code convert("L")} first, then {@code resize((side, side), BILINEAR)} ({@link PillowBilinear}
 * on the one luma plane), then each value divided by 255 in single precision (numpy's
 * {@code float32 / 255}).
 *
 * <p>Immutable and thread-safe.
 */
final class GreyThumbnail {

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
        int[] resized = PillowBilinear.resample(grey, width, height, side, side);
        float[] out = new float[side * side];
        for (int i = 0; i < out.length; i++) {
            out[i] = resized[i] / 255f;
        }
        return out;
    }
}
