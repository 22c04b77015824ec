package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * The packed pixel array behind a {@code TYPE_INT_RGB} image: pixel (x, y) is
 * {@code data[offset + y * stride + x]}. Sub-images share their parent's array, hence the offset
 * and stride.
 */
record RgbPixels(int[] data, int offset, int stride, int width, int height) {

    /** @throws IllegalArgumentException if {@code image} is not {@code TYPE_INT_RGB} */
    static RgbPixels of(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("image transforms take TYPE_INT_RGB images (what ImageDecoder returns), got type "
                    + image.getType() + "; decode the image with ImageDecoder first");
        }
        WritableRaster raster = image.getRaster();
        int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int offset = buffer.getOffset() - raster.getSampleModelTranslateY() * stride - raster.getSampleModelTranslateX();
        return new RgbPixels(buffer.getData(), offset, stride, image.getWidth(), image.getHeight());
    }

    /** Checks the transform contract's input type without needing the pixels yet. */
    static void require(BufferedImage image) {
        of(image);
    }

    /** A new black {@code TYPE_INT_RGB} image. */
    static BufferedImage newImage(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** The array of an image made by {@link #newImage}: offset 0, stride = width. */
    static int[] dataOf(BufferedImage fresh) {
        return ((DataBufferInt) fresh.getRaster().getDataBuffer()).getData();
    }

    int index(int x, int y) {
        return offset + y * stride + x;
    }
}
