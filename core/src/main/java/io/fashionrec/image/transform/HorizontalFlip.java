package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;

/** Mirrors an image left to right. */
public final class HorizontalFlip implements ImageTransform {

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels source = RgbPixels.of(image);
        int width = source.width();
        BufferedImage result = RgbPixels.newImage(width, source.height());
        int[] out = RgbPixels.dataOf(result);
        for (int y = 0; y < source.height(); y++) {
            int from = source.index(width - 1, y);
            int to = y * width;
            for (int x = 0; x < width; x++) {
                out[to + x] = source.data()[from - x];
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "HorizontalFlip";
    }
}
