package io.fashionrec.image.transform;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Pads the shorter side so the image becomes square, centred (an odd extra pixel goes right or
 * below), so that resizing a tall dress photo to 224x224 does not squash it. Product photos sit
 * on white, so {@code new PadToSquare(Color.WHITE)} is the usual choice. A square image is
 * returned as it is.
 */
public final class PadToSquare implements ImageTransform {

    private final int fill;

    /** @param fill the padding colour; its alpha is ignored */
    public PadToSquare(Color fill) {
        this.fill = Objects.requireNonNull(fill, "fill").getRGB() & 0xFFFFFF;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels source = RgbPixels.of(image);
        int width = source.width();
        int height = source.height();
        if (width == height) {
            return image;
        }
        int side = Math.max(width, height);
        int left = (side - width) / 2;
        int top = (side - height) / 2;
        BufferedImage result = RgbPixels.newImage(side, side);
        int[] out = RgbPixels.dataOf(result);
        Arrays.fill(out, fill);
        for (int y = 0; y < height; y++) {
            System.arraycopy(source.data(), source.index(0, y), out, (top + y) * side + left, width);
        }
        return result;
    }

    @Override
    public String toString() {
        return String.format("PadToSquare(#%06X)", fill);
    }
}
