package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Cuts the centre out of an image: either a fixed {@code width x height}, or a fraction of each
 * side (0.875 of 224 is 196).
 *
 * <p>The offsets are torchvision's {@code CenterCrop}: {@code round((side - crop) / 2)} with
 * ties to even. A crop larger than the image is padded, evenly with the extra pixel on the
 * right/bottom, with white rather than torchvision's black, matching the studio background.
 */
public final class CenterCrop implements ImageTransform {

    private static final int WHITE = 0xFFFFFF;

    /** Zero for a fixed size. */
    private final double fraction;
    private final int width;
    private final int height;

    /** Keeps {@code fraction} of each side, rounded to the nearest pixel and at least one. */
    public CenterCrop(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the crop fraction must be in (0, 1], got " + fraction);
        }
        this.fraction = fraction;
        this.width = 0;
        this.height = 0;
    }

    /** Keeps the central {@code width x height} pixels, padding with white if the image is smaller. */
    public CenterCrop(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the crop size must be positive, got " + width + "x" + height);
        }
        this.fraction = 0;
        this.width = width;
        this.height = height;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels source = RgbPixels.of(image);
        int cropWidth = fraction > 0 ? fractionOf(source.width()) : width;
        int cropHeight = fraction > 0 ? fractionOf(source.height()) : height;
        if (cropWidth == source.width() && cropHeight == source.height()) {
            return image;
        }
        int left = offset(source.width(), cropWidth);
        int top = offset(source.height(), cropHeight);
        BufferedImage result = RgbPixels.newImage(cropWidth, cropHeight);
        int[] out = RgbPixels.dataOf(result);
        boolean padded = left < 0 || top < 0 || left + cropWidth > source.width() || top + cropHeight > source.height();
        if (padded) {
            Arrays.fill(out, WHITE);
        }
        int fromX = Math.max(0, left);
        int toX = Math.min(source.width(), left + cropWidth);
        for (int y = Math.max(0, top); y < Math.min(source.height(), top + cropHeight); y++) {
            System.arraycopy(source.data(), source.index(fromX, y), out, (y - top) * cropWidth + fromX - left, toX - fromX);
        }
        return result;
    }

    private int fractionOf(int side) {
        return (int) Math.max(1, Math.round(side * fraction));
    }

    /** Where the crop starts; negative when the crop is larger and the image sits inside padding. */
    private static int offset(int side, int crop) {
        return side >= crop ? (int) Math.rint((side - crop) / 2.0) : -((crop - side) / 2);
    }

    @Override
    public String toString() {
        return fraction > 0 ? "CenterCrop(" + fraction + ")" : "CenterCrop(" + width + "x" + height + ")";
    }
}
