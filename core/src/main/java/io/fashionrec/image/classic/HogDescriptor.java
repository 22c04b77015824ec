package io.fashionrec.image.classic;

/**
 * Histogram of oriented gradients of a square grey image, with the semantics of scikit-image
 * 0.19's {@code hog(image, orientations=12, pixels_per_cell=(12, 12), cells_per_block=(2, 2),
 * block_norm="L2-Hys")} on a {@code float32} image, down to its rounding:
 * <ul>
 * <li>gradients by central differences in single precision, {@code g[r] = p[r+1] - p[r-1]} along
 * rows and columns, zero on the first and last row (column);</li>
 * <li>orientation {@code atan2(g_row, g_col)} in degrees modulo 180, hard-binned: bin {@code i}
 * holds [15i, 15(i+1)); magnitude {@code hypot(g_row, g_col)};</li>
 * <li>cells of 12x12 pixels ({@code side / 12} per axis, pixels past the last whole cell are
 * ignored); a cell's bin is the sum of its pixels' magnitudes, accumulated row by row in single
 * precision as scikit-image's Cython does, divided by 144;</li>
 * <li>blocks of 2x2 cells at a stride of one cell, each normalised by L2-Hys:
 * {@code v / sqrt(|v|² + 1e-10)}, clipped at 0.2, normalised again the same way;</li>
 * <li>output order: block row, block column, cell row in block, cell column in block,
 * orientation (scikit-image's {@code feature_vector=True}).</li>
 * </ul>
 * The result is not normalised as a whole. A constant image gives a zero vector.
 *
 * <p>Immutable and thread-safe.
 */
final class HogDescriptor {

    static final int CELL = 12;
    static final int ORIENTATIONS = 12;
    static final int BLOCK = 2;
    /** scikit-image's {@code eps ** 2} with {@code eps = 1e-5}, which is not exactly 1e-10. */
    private static final double EPS_SQUARED = 1e-5 * 1e-5;
    private static final double HYS_CLIP = 0.2;

    /**
     * Unit vectors (cos, sin) of the bin boundaries 15k degrees, k = 0..11, written from exact
     * symmetries so that gradients exactly on 45, 90 or 135 degrees (|g_row| = |g_col|, or
     * g_col = 0), common in 8-bit images, fall on the same side as numpy's
     * {@code degrees(arctan2) % 180} puts them.
     */
    private static final double[] BOUNDARY_COS;
    private static final double[] BOUNDARY_SIN;

    static {
        double c15 = StrictMath.cos(StrictMath.toRadians(15));
        double s15 = StrictMath.sin(StrictMath.toRadians(15));
        double c30 = StrictMath.sqrt(3) / 2;
        double h = StrictMath.sqrt(0.5);
        BOUNDARY_COS = new double[] {1, c15, c30, h, 0.5, s15, 0, -s15, -0.5, -h, -c30, -c15};
        BOUNDARY_SIN = new double[] {0, s15, 0.5, h, c30, c15, 1, c15, c30, h, 0.5, s15};
    }

    private final int side;
    private final int cells;
    private final int blocks;

    /** @param side the width and height of the images to describe, at least two cells (24) */
    HogDescriptor(int side) {
        if (side < BLOCK * CELL) {
            throw new IllegalArgumentException("HOG needs images of at least " + BLOCK * CELL + "x" + BLOCK * CELL + " pixels, got side " + side);
        }
        this.side = side;
        this.cells = side / CELL;
        this.blocks = cells - BLOCK + 1;
    }

    /** The descriptor's length: blocks² x 2 x 2 x 12 (2,352 for side 96). */
    int length() {
        return blocks * blocks * BLOCK * BLOCK * ORIENTATIONS;
    }

    /**
     * The descriptor of {@code grey}: {@code side * side} values row by row, in [0, 1] like the
     * prototype's (the result depends on their scale only through L2-Hys's eps).
     *
     * @return {@link #length()} values
     */
    float[] describe(float[] grey) {
        if (grey.length != side * side) {
            throw new IllegalArgumentException("expected " + side + "x" + side + " = " + side * side + " grey values, got " + grey.length);
        }
        float[] histograms = cellHistograms(grey);
        float[] out = new float[length()];
        double[] block = new double[BLOCK * BLOCK * ORIENTATIONS];
        int at = 0;
        for (int blockRow = 0; blockRow < blocks; blockRow++) {
            for (int blockColumn = 0; blockColumn < blocks; blockColumn++) {
                int b = 0;
                for (int r = 0; r < BLOCK; r++) {
                    int cell = ((blockRow + r) * cells + blockColumn) * ORIENTATIONS;
                    for (int v = 0; v < BLOCK * ORIENTATIONS; v++) {
                        block[b++] = histograms[cell + v];
                    }
                }
                normaliseL2Hys(block);
                for (double v : block) {
                    out[at++] = (float) v;
                }
            }
        }
        return out;
    }

    /** Per cell (row by row) its 12 bins: magnitude sums / 144, in single precision. */
    private float[] cellHistograms(float[] p) {
        float[] sums = new float[cells * cells * ORIENTATIONS];
        int covered = cells * CELL;
        for (int y = 0; y < covered; y++) {
            int row = y * side;
            int cellRow = y / CELL * cells;
            boolean edgeRow = y == 0 || y == side - 1;
            for (int x = 0; x < covered; x++) {
                float gRow = edgeRow ? 0f : p[row + side + x] - p[row - side + x];
                float gColumn = x == 0 || x == side - 1 ? 0f : p[row + x + 1] - p[row + x - 1];
                if (gRow == 0 && gColumn == 0) {
                    // Flat regions (most of a studio background) add nothing to any sum.
                    continue;
                }
                // Both squares are exact in double, so this differs from hypot by at most an ulp,
                // which the single-precision sum below almost always rounds away.
                double magnitude = Math.sqrt((double) gRow * gRow + (double) gColumn * gColumn);
                int slot = (cellRow + x / CELL) * ORIENTATIONS + orientationBin(gRow, gColumn);
                sums[slot] = (float) (sums[slot] + magnitude);
            }
        }
        float area = CELL * CELL;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= area;
        }
        return sums;
    }

    /**
     * The bin of the unsigned orientation of gradient (gRow, gColumn): {@code floor(θ / 15)} for
     * {@code θ = degrees(atan2(gRow, gColumn)) mod 180}, found by half-plane tests instead of
     * atan2, which is several times slower. A zero gradient is in bin 0, as atan2(0, 0) = 0 puts it.
     */
    static int orientationBin(float gRow, float gColumn) {
        if (gRow == 0) {
            return 0;
        }
        // θ and θ + 180 are the same unsigned orientation: turn the gradient into the upper half-plane.
        double r = Math.abs(gRow);
        double c = gRow < 0 ? -gColumn : gColumn;
        // θ is now in (0, 180) and passes boundary k when (c, r) is not clockwise of it; the
        // boundaries passed are 1..bin, so counting them gives the bin without branching.
        int bin = 0;
        for (int k = 1; k < ORIENTATIONS; k++) {
            bin += r * BOUNDARY_COS[k] - c * BOUNDARY_SIN[k] >= 0 ? 1 : 0;
        }
        return bin;
    }

    /** scikit-image's {@code _hog_normalize_block(block, "L2-Hys")}, in place. */
    private static void normaliseL2Hys(double[] block) {
        double norm = Math.sqrt(sumOfSquares(block) + EPS_SQUARED);
        for (int i = 0; i < block.length; i++) {
            block[i] = Math.min(block[i] / norm, HYS_CLIP);
        }
        norm = Math.sqrt(sumOfSquares(block) + EPS_SQUARED);
        for (int i = 0; i < block.length; i++) {
            block[i] /= norm;
        }
    }

    private static double sumOfSquares(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }
}
