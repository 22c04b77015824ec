package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Resamples to a fixed size, or so that the shorter side has a given length.
 *
 * <p>The filter is Pillow's {@code Image.resize(size, Image.BILINEAR)}, reproduced bit for bit
 * because that is how PyTorch reference code feeds its CNNs: a separable convolution with the
 * triangle kernel {@code max(0, 1 - |t|)}, whose support is stretched by the scale factor when
 * shrinking (so a 2x reduction averages 4 source pixels per axis instead of sampling 2: an
 * antialiasing area filter, not point bilinear interpolation). Output pixel {@code i} is centred
 * on source coordinate {@code (i + 0.5) * in / out}; taps falling outside the image are dropped
 * and the remaining weights renormalised. Weights are rounded to 22-bit fixed point, the
 * horizontal pass runs first and is rounded to 8 bits before the vertical pass, as in Pillow.
 * When the size already matches, the input is returned as it is.
 */
public final class Resize implements ImageTransform {

    /** Pillow's fixed-point precision for 8-bit images: 32 - 8 - 2 bits. */
    private static final int PRECISION_BITS = 22;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

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
        int[] out = RgbPixels.dataOf(result);
        int[] rows = source.data();
        int rowOffset = source.offset();
        int rowStride = source.stride();
        if (outWidth != inWidth) {
            int[] target = outHeight == inHeight ? out : new int[outWidth * inHeight];
            horizontalPass(rows, rowOffset, rowStride, inWidth, inHeight, target, outWidth);
            rows = target;
            rowOffset = 0;
            rowStride = outWidth;
        }
        if (outHeight != inHeight) {
            verticalPass(rows, rowOffset, rowStride, outWidth, inHeight, out, outHeight);
        } else if (rows != out) {
            for (int y = 0; y < inHeight; y++) {
                System.arraycopy(rows, rowOffset + y * rowStride, out, y * outWidth, outWidth);
            }
        }
        return result;
    }

    private static void horizontalPass(int[] in, int offset, int stride, int inWidth, int height, int[] out, int outWidth) {
        Taps taps = Taps.of(inWidth, outWidth);
        for (int y = 0; y < height; y++) {
            int row = offset + y * stride;
            for (int x = 0; x < outWidth; x++) {
                int r = HALF;
                int g = HALF;
                int b = HALF;
                int first = row + taps.first[x];
                int weights = x * taps.maxTaps;
                for (int t = 0; t < taps.count[x]; t++) {
                    int pixel = in[first + t];
                    int weight = taps.weights[weights + t];
                    r += (pixel >> 16 & 0xFF) * weight;
                    g += (pixel >> 8 & 0xFF) * weight;
                    b += (pixel & 0xFF) * weight;
                }
                out[y * outWidth + x] = clip8(r) << 16 | clip8(g) << 8 | clip8(b);
            }
        }
    }

    private static void verticalPass(int[] in, int offset, int stride, int width, int inHeight, int[] out, int outHeight) {
        Taps taps = Taps.of(inHeight, outHeight);
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(r, HALF);
            Arrays.fill(g, HALF);
            Arrays.fill(b, HALF);
            // Row by row rather than pixel by pixel: the sums are the same integers, the reads sequential.
            for (int t = 0; t < taps.count[y]; t++) {
                int row = offset + (taps.first[y] + t) * stride;
                int weight = taps.weights[y * taps.maxTaps + t];
                for (int x = 0; x < width; x++) {
                    int pixel = in[row + x];
                    r[x] += (pixel >> 16 & 0xFF) * weight;
                    g[x] += (pixel >> 8 & 0xFF) * weight;
                    b[x] += (pixel & 0xFF) * weight;
                }
            }
            for (int x = 0; x < width; x++) {
                out[y * width + x] = clip8(r[x]) << 16 | clip8(g[x]) << 8 | clip8(b[x]);
            }
        }
    }

    private static int clip8(int sum) {
        if (sum <= 0) {
            return 0;
        }
        return Math.min(255, sum >> PRECISION_BITS);
    }

    /** For each output index: the first source index, how many taps, and their fixed-point weights. */
    private record Taps(int[] first, int[] count, int[] weights, int maxTaps) {

        static Taps of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            // Multiplying by the reciprocal, not dividing, keeps the weights bit-identical to Pillow's.
            double inverseFilterScale = 1.0 / filterScale;
            int maxTaps = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            int[] weights = new int[outSize * maxTaps];
            double[] raw = new double[maxTaps];
            for (int i = 0; i < outSize; i++) {
                double center = (i + 0.5) * scale;
                // (int) truncates toward zero, as the C cast in Pillow does; the clamps follow it.
                int min = Math.max(0, (int) (center - support + 0.5));
                int max = Math.min(inSize, (int) (center + support + 0.5)) - min;
                double total = 0;
                for (int t = 0; t < max; t++) {
                    raw[t] = triangle((t + min - center + 0.5) * inverseFilterScale);
                    total += raw[t];
                }
                for (int t = 0; t < max; t++) {
                    double normalised = total != 0 ? raw[t] / total : raw[t];
                    weights[i * maxTaps + t] = (int) (normalised * (1 << PRECISION_BITS) + (normalised < 0 ? -0.5 : 0.5));
                }
                first[i] = min;
                count[i] = Math.max(0, max);
            }
            return new Taps(first, count, weights, maxTaps);
        }

        private static double triangle(double t) {
            double distance = Math.abs(t);
            return distance < 1.0 ? 1.0 - distance : 0.0;
        }
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
