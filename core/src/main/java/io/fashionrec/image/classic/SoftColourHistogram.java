package io.fashionrec.image.classic;

/**
 * A weighted soft histogram of CIE Lab colours over 6 x 12 x 12 bins (L, a, b), as the
 * prototype builds it. Bin centres are spread evenly over L in [0, 100] and a, b in [-80, 80]:
 * along each axis a value maps to {@code t = clip((x - lo) / (hi - lo) * bins - 0.5, 0, bins - 1)}
 * and is shared between bins {@code floor(t)} and {@code floor(t) + 1} in proportion to its
 * distance from each (values beyond the outer centres go wholly to the outer bin). Each colour
 * therefore spreads its weight over the 8 surrounding bin centres (trilinear interpolation).
 *
 * <p>Bins are laid out L-major: index {@code (l * 12 + a) * 12 + b}. Not thread-safe: one
 * instance accumulates one image.
 */
final class SoftColourHistogram {

    static final int L_BINS = 6;
    static final int A_BINS = 12;
    static final int B_BINS = 12;
    static final int LENGTH = L_BINS * A_BINS * B_BINS;

    private static final double L_MIN = 0;
    private static final double L_MAX = 100;
    private static final double AB_MIN = -80;
    private static final double AB_MAX = 80;

    private final double[] bins = new double[LENGTH];

    /** Adds one colour with a weight of at least 0. */
    void add(double l, double a, double b, double weight) {
        double tl = position(l, L_MIN, L_MAX, L_BINS);
        double ta = position(a, AB_MIN, AB_MAX, A_BINS);
        double tb = position(b, AB_MIN, AB_MAX, B_BINS);
        int l0 = (int) tl;
        int a0 = (int) ta;
        int b0 = (int) tb;
        double rl = tl - l0;
        double ra = ta - a0;
        double rb = tb - b0;
        int l1 = Math.min(l0 + 1, L_BINS - 1);
        int a1 = Math.min(a0 + 1, A_BINS - 1);
        int b1 = Math.min(b0 + 1, B_BINS - 1);
        // Products in the prototype's order, ((wl * wa) * wb) * weight, for the same sums.
        spread(l0, a0, b0, b1, (1 - rl) * (1 - ra), rb, weight);
        spread(l0, a1, b0, b1, (1 - rl) * ra, rb, weight);
        spread(l1, a0, b0, b1, rl * (1 - ra), rb, weight);
        spread(l1, a1, b0, b1, rl * ra, rb, weight);
    }

    private void spread(int l, int a, int b0, int b1, double la, double rb, double weight) {
        int row = (l * A_BINS + a) * B_BINS;
        bins[row + b0] += la * (1 - rb) * weight;
        bins[row + b1] += la * rb * weight;
    }

    /** The continuous bin coordinate of {@code x}, clipped to the outer bin centres; never negative. */
    private static double position(double x, double lo, double hi, int count) {
        double t = (x - lo) / (hi - lo) * count - 0.5;
        return t < 0 ? 0 : t > count - 1 ? count - 1 : t;
    }

    /**
     * The histogram scaled to sum 1, then square-rooted (the Hellinger embedding, whose dot
     * product is the Bhattacharyya coefficient); all zeros if nothing with weight was added.
     */
    float[] rootNormalised() {
        double sum = 0;
        for (double v : bins) {
            sum += v;
        }
        float[] out = new float[LENGTH];
        if (sum > 0) {
            for (int i = 0; i < LENGTH; i++) {
                out[i] = (float) Math.sqrt(bins[i] / sum);
            }
        }
        return out;
    }
}
