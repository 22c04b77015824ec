package io.fashionrec.image.transform;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize(size, Image.BILINEAR)} of 8-bit images, bit for bit, on one
 * channel plane at a time: a separable convolution with the triangle kernel
 * {@code max(0, 1 - |t|)}, whose support is stretched by the scale factor when shrinking (so a 2x
 * reduction averages 4 source pixels per axis instead of sampling 2: an antialiasing area filter,
 * not point bilinear interpolation). Output pixel {@code i} is centred on source coordinate
 * {@code (i + 0.5) * in / out}; taps falling outside the image are dropped and the remaining
 * weights renormalised. Weights are rounded to 22-bit fixed point; the pass along rows runs first
 * and is rounded to 8 bits before the pass along columns; a pass whose side keeps its size is
 * skipped. Pillow treats every channel of a pixel alike and apart, so one plane gives exactly the
 * values that channel has in a resize of an RGB image.
 *
 * <p>A plane is an {@code int[]} of values in [0, 255], {@code width * height} of them row by
 * row. Stateless and thread-safe.
 */
public final class PillowBilinear {

    /** Pillow's fixed-point precision for 8-bit images: 32 - 8 - 2 bits. */
    private static final int PRECISION_BITS = 22;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PillowBilinear() {
    }

    /**
     * The plane {@code in} ({@code inWidth x inHeight}) resampled to {@code outWidth x outHeight};
     * a new array, or {@code in} itself when the size already matches.
     *
     * @throws IllegalArgumentException if a size is not positive or {@code in} is not
     *                                  {@code inWidth * inHeight} long
     */
    public static int[] resample(int[] in, int inWidth, int inHeight, int outWidth, int outHeight) {
        if (inWidth <= 0 || inHeight <= 0 || outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got " + inWidth + "x" + inHeight + " -> " + outWidth + "x" + outHeight);
        }
        if (in.length != inWidth * inHeight) {
            throw new IllegalArgumentException("a " + inWidth + "x" + inHeight + " plane holds " + inWidth * inHeight + " values, got " + in.length);
        }
        int[] rows = outWidth == inWidth ? in : alongRows(in, inWidth, inHeight, outWidth);
        return outHeight == inHeight ? rows : alongColumns(rows, outWidth, inHeight, outHeight);
    }

    /**
     * Resamples the packed {@code 0xRRGGBB} pixels of an {@code inWidth x inHeight} image (pixel
     * (x, y) at {@code in[offset + y * stride + x]}) into {@code out} ({@code outWidth x outHeight},
     * row by row), the three channels in one go; the same values as {@link #resample} on each
     * channel's plane, at about half the cost. The sizes must differ on at least one side.
     */
    static void resampleRgb(int[] in, int offset, int stride, int inWidth, int inHeight, int[] out, int outWidth, int outHeight) {
        int[] rows = in;
        int rowOffset = offset;
        int rowStride = stride;
        if (outWidth != inWidth) {
            int[] target = outHeight == inHeight ? out : new int[outWidth * inHeight];
            rgbAlongRows(rows, rowOffset, rowStride, inWidth, inHeight, target, outWidth);
            rows = target;
            rowOffset = 0;
            rowStride = outWidth;
        }
        // With the height kept, the pass along rows wrote straight into out.
        if (outHeight != inHeight) {
            rgbAlongColumns(rows, rowOffset, rowStride, outWidth, inHeight, out, outHeight);
        }
    }

    private static void rgbAlongRows(int[] in, int offset, int stride, int inWidth, int height, int[] out, int outWidth) {
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

    private static void rgbAlongColumns(int[] in, int offset, int stride, int width, int inHeight, int[] out, int outHeight) {
        Taps taps = Taps.of(inHeight, outHeight);
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(r, HALF);
            Arrays.fill(g, HALF);
            Arrays.fill(b, HALF);
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

    private static int[] alongRows(int[] in, int inWidth, int height, int outWidth) {
        Taps taps = Taps.of(inWidth, outWidth);
        int[] out = new int[outWidth * height];
        for (int y = 0; y < height; y++) {
            int row = y * inWidth;
            for (int x = 0; x < outWidth; x++) {
                int sum = HALF;
                int source = row + taps.first[x];
                int weights = x * taps.maxTaps;
                for (int t = 0, n = taps.count[x]; t < n; t++) {
                    sum += in[source + t] * taps.weights[weights + t];
                }
                out[y * outWidth + x] = clip8(sum);
            }
        }
        return out;
    }

    private static int[] alongColumns(int[] in, int width, int inHeight, int outHeight) {
        Taps taps = Taps.of(inHeight, outHeight);
        int[] out = new int[width * outHeight];
        int[] sums = new int[width];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(sums, HALF);
            // Row by row rather than pixel by pixel: the sums are the same integers, the reads sequential.
            for (int t = 0, n = taps.count[y]; t < n; t++) {
                int row = (taps.first[y] + t) * width;
                int weight = taps.weights[y * taps.maxTaps + t];
                for (int x = 0; x < width; x++) {
                    sums[x] += in[row + x] * weight;
                }
            }
            int target = y * width;
            for (int x = 0; x < width; x++) {
                out[target + x] = clip8(sums[x]);
            }
        }
        return out;
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
}
