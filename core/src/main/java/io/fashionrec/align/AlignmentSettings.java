package io.fashionrec.align;

/**
 * How the text-to-image alignment is fitted.
 *
 * @param sketchDimension the dimension each image segment is sketched to before the fit, and so
 *                        the dimension of each alignment segment (default 128: in the experiments
 *                        64 to 256 gave the same precision within noise)
 * @param rho             the ridge penalty per training product: {@code lambda = rho * n}. Scaling
 *                        with n regularises the covariance rather than the sum of squares, so the
 *                        fit behaves the same on 2,000 or 200,000 products (default 0.001)
 * @param seed            the seed of the Gaussian sketches
 */
public record AlignmentSettings(int sketchDimension, double rho, long seed) {

    public static final AlignmentSettings DEFAULT = new AlignmentSettings(128, 0.001, 0x5eed_f00dL);

    public AlignmentSettings {
        if (sketchDimension < 1 || sketchDimension > 4096) {
            throw new IllegalArgumentException("sketch dimension must be in [1, 4096], got " + sketchDimension);
        }
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a finite number > 0, got " + rho);
        }
    }
}
