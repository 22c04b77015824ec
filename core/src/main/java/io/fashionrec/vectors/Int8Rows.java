package io.fashionrec.vectors;

import io.fashionrec.feature.FloatMatrix;

/**
 * A compact int8 copy of a block of float rows: row {@code j} is approximately
 * {@code scale[j] * codes[j*d .. j*d+d)}, with a symmetric per-row scale
 * ({@code max |x| / 127}) and rounding to the nearest code. Alongside each row it keeps the
 * exact length of what the rounding lost ({@code residual[j] = |row - scale * codes|}), so that
 * by Cauchy-Schwarz a query's int8 product is within {@code |query| * residual[j]} of its
 * float32 product: the bound that makes re-scoring provably exact. Immutable.
 */
final class Int8Rows {

    final byte[] codes;
    final float[] scale;
    final float[] residual;
    /** The largest {@code max |x|} and L2 norm of any row, for the bound on float rounding. */
    final float maxAbs;
    final float maxNorm;

    private Int8Rows(byte[] codes, float[] scale, float[] residual, float maxAbs, float maxNorm) {
        this.codes = codes;
        this.scale = scale;
        this.residual = residual;
        this.maxAbs = maxAbs;
        this.maxNorm = maxNorm;
    }

    static Int8Rows quantize(FloatMatrix block) {
        int rows = block.rows();
        int d = block.cols();
        float[] data = block.data();
        byte[] codes = new byte[rows * d];
        float[] scale = new float[rows];
        float[] residual = new float[rows];
        float maxAbs = 0;
        float maxNorm = 0;
        for (int j = 0, o = 0; j < rows; j++, o += d) {
            float max = 0;
            double norm = 0;
            for (int i = 0; i < d; i++) {
                max = Math.max(max, Math.abs(data[o + i]));
                norm += (double) data[o + i] * data[o + i];
            }
            float s = max / 127;
            double lost = 0;
            for (int i = 0; i < d; i++) {
                int c = s == 0 ? 0 : Math.round(data[o + i] / s);
                byte b = (byte) Math.max(-127, Math.min(127, c));
                codes[o + i] = b;
                double e = data[o + i] - (double) s * b;
                lost += e * e;
            }
            scale[j] = s;
            // rounded up, so that the bound stays a bound after narrowing to float
            residual[j] = Math.nextUp((float) Math.sqrt(lost));
            maxAbs = Math.max(maxAbs, max);
            maxNorm = Math.max(maxNorm, (float) Math.sqrt(norm));
        }
        return new Int8Rows(codes, scale, residual, maxAbs, maxNorm);
    }
}
