package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Changes brightness, contrast and saturation by random factors drawn once, from the seed, when
 * the step is made: each factor is uniform in {@code [max(0, 1 - x), 1 + x]} for its strength
 * {@code x}. The same instance therefore applies the same change to every image (use another
 * seed for another view), and the same seed always gives the same factors.
 *
 * <p>The adjustments follow torchvision's definitions, always in this order: brightness scales
 * each channel; contrast blends each channel with the mean grey level of the image (after the
 * brightness change); saturation blends each pixel with its own grey level. Grey is
 * {@code 0.299 R + 0.587 G + 0.114 B}. Values are clamped to [0, 255] after each adjustment and
 * rounded once at the end.
 */
public final class ColorJitter implements ImageTransform {

    private final double brightness;
    private final double contrast;
    private final double saturation;
    private final long seed;
    private final double brightnessFactor;
    private final double contrastFactor;
    private final double saturationFactor;

    /**
     * @param brightness strength x of the brightness change, >= 0 (0.1 means a factor in [0.9, 1.1])
     * @param contrast   strength of the contrast change, >= 0
     * @param saturation strength of the saturation change, >= 0
     * @param seed       where the factors come from
     */
    public ColorJitter(double brightness, double contrast, double saturation, long seed) {
        this.brightness = requireStrength(brightness, "brightness");
        this.contrast = requireStrength(contrast, "contrast");
        this.saturation = requireStrength(saturation, "saturation");
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        this.brightnessFactor = factor(brightness, random);
        this.contrastFactor = factor(contrast, random);
        this.saturationFactor = factor(saturation, random);
    }

    public double brightnessFactor() {
        return brightnessFactor;
    }

    public double contrastFactor() {
        return contrastFactor;
    }

    public double saturationFactor() {
        return saturationFactor;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels source = RgbPixels.of(image);
        int width = source.width();
        int height = source.height();
        double meanGrey = meanGreyAfterBrightness(source);
        BufferedImage result = RgbPixels.newImage(width, height);
        int[] out = RgbPixels.dataOf(result);
        for (int y = 0; y < height; y++) {
            int from = source.index(0, y);
            for (int x = 0; x < width; x++) {
                int pixel = source.data()[from + x];
                double r = contrasted(brightened(pixel >> 16 & 0xFF), meanGrey);
                double g = contrasted(brightened(pixel >> 8 & 0xFF), meanGrey);
                double b = contrasted(brightened(pixel & 0xFF), meanGrey);
                double grey = grey(r, g, b);
                out[y * width + x] = saturated(r, grey) << 16 | saturated(g, grey) << 8 | saturated(b, grey);
            }
        }
        return result;
    }

    private double meanGreyAfterBrightness(RgbPixels source) {
        double sum = 0;
        for (int y = 0; y < source.height(); y++) {
            int from = source.index(0, y);
            for (int x = 0; x < source.width(); x++) {
                int pixel = source.data()[from + x];
                sum += grey(brightened(pixel >> 16 & 0xFF), brightened(pixel >> 8 & 0xFF), brightened(pixel & 0xFF));
            }
        }
        return sum / ((double) source.width() * source.height());
    }

    private double brightened(int channel) {
        return clamp(channel * brightnessFactor);
    }

    private double contrasted(double channel, double meanGrey) {
        return clamp(meanGrey + (channel - meanGrey) * contrastFactor);
    }

    private int saturated(double channel, double grey) {
        return (int) Math.round(clamp(grey + (channel - grey) * saturationFactor));
    }

    private static double grey(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(255, value));
    }

    private static double factor(double strength, SplittableRandom random) {
        double low = Math.max(0, 1 - strength);
        return low + (1 + strength - low) * random.nextDouble();
    }

    private static double requireStrength(double strength, String name) {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException(name + " strength must be a finite number >= 0, got " + strength);
        }
        return strength;
    }

    @Override
    public String toString() {
        return "ColorJitter(brightness " + brightness + ", contrast " + contrast + ", saturation " + saturation + ", seed " + seed + ")";
    }
}
