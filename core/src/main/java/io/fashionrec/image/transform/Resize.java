package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;

/**
 * Resamples to a fixed size, or so that the shorter side has a given length.
 *
 * <p>The filter is Pillow's {@code Image.resize(size, Image.BILINEAR)}, reproduced bit for bit
 * ({@link PillowBilinear}) because that is how PyTorch reference code feeds its CNNs. When the
 * size already matches, the input is returned as it is.
 */
public final class Resize implements ImageTransform {

    private final int width;
    private final int height;
    /** Non-zero for {@link #shorterSide}; width and height are then unused. */
    private final int shorterSide;

    /** Resizes every image to exactly {@code width x height}, ignoring its aspect ratio. */
    public Resize(int width, int height) {
        this(width, height, 0);
        requirePositive(width, "width");
        requirePositive(height, "height");
    }

    private Resize(int width, int height, int shorterSide) {
        this.width = width;
        this.height = height;
        this.shorterSide = shorterSide;
    }

    /**
     * Resizes so that the shorter side is {@code size}, keeping the aspect ratio; the longer side
     * is {@code (int) (size * longer / shorter)}, truncated as torchvision's {@code Resize(int)} does.
     */
    public static Resize shorterSide(int size) {
        requirePositive(size, "size");
        return new Resize(0, 0, size);
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels source = RgbPixels.of(image);
        int w = source.width();
        int h = source.height();
        if (shorterSide == 0) {
            return resample(image, source, width, height);
        }
        int longer = (int) ((double) shorterSide * Math.max(w, h) / Math.min(w, h));
        return w <= h ? resample(image, source, shorterSide, longer) : resample(image, source, longer, shorterSide);
    }

    private static BufferedImage resample(BufferedImage image, RgbPixels source, int outWidth, int outHeight) {
        int inWidth = source.width();
        int inHeight = source.height();
        if (outWidth == inWidth && outHeight == inHeight) {
            return image;
        }
        BufferedImage result = RgbPixels.newImage(outWidth, outHeight);
        PillowBilinear.resampleRgb(source.data(), source.offset(), source.stride(), inWidth, inHeight, RgbPixels.dataOf(result), outWidth, outHeight);
        return result;
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    @Override
    public String toString() {
        String size = shorterSide == 0 ? width + "x" + height : "shorter side " + shorterSide;
        return "Resize(" + size + ", Pillow bilinear)";
    }
}
