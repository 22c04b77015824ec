package io.fashionrec.simd;

import io.fashionrec.feature.FloatMatrix;

/**
 * {@link DotProducts} in plain Java, for JVMs without the Vector API: eight independent
 * accumulators so the JIT can keep several multiply-adds in flight (C2 does not vectorise float
 * reductions, whose order of addition it must keep).
 */
public final class PlainDotProducts implements DotProducts {

    public static final PlainDotProducts INSTANCE = new PlainDotProducts();

    private PlainDotProducts() {
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void all(float[] query, FloatMatrix matrix, float[] out) {
        DotArguments.checkAll(query, matrix, out);
        int d = matrix.cols();
        float[] data = matrix.data();
        for (int j = 0, row = 0; j < matrix.rows(); j++, row += d) {
            out[j] = dot(query, 0, data, row, d);
        }
    }

    /** Row by row, every query against the row while it is in cache. */
    @Override
    public void batch(float[][] queries, FloatMatrix matrix, float[][] out) {
        DotArguments.checkBatch(queries, matrix, out);
        int d = matrix.cols();
        float[] data = matrix.data();
        for (int j = 0, row = 0; j < matrix.rows(); j++, row += d) {
            for (int q = 0; q < queries.length; q++) {
                out[q][j] = queries[q] == null ? 0f : dot(queries[q], 0, data, row, d);
            }
        }
    }

    @Override
    public float dot(float[] query, float[] data, int offset) {
        return dot(query, 0, data, offset, query.length);
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int len) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
            s4 += a[ao + i + 4] * b[bo + i + 4];
            s5 += a[ao + i + 5] * b[bo + i + 5];
            s6 += a[ao + i + 6] * b[bo + i + 6];
            s7 += a[ao + i + 7] * b[bo + i + 7];
        }
        for (; i < len; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
