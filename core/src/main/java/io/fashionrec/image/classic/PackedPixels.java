package io.fashionrec.image.classic;

import java.awt.image.BufferedImage;

/**
 * Copies the pixels of {@code TYPE_INT_RGB} images into packed {@code 0xRRGGBB} arrays, row by
 * row ({@code (x, y)} at {@code y * width + x}), through the raster so that sub-images work.
 */
final class PackedPixels {

    private PackedPixels() {
    }

    /**
     * A copy of the pixels of {@code image}.
     *
     * @throws IllegalArgumentException if {@code image} is not {@code TYPE_INT_RGB}
     */
    static int[] read(BufferedImage image) {
        requireIntRgb(image);
        return (int[]) image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), null);
    }

    static void requireIntRgb(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("the classic encoder takes TYPE_INT_RGB images (what ImageDecoder returns), got type "
                    + image.getType() + "; decode the image with ImageDecoder first");
        }
    }
}
