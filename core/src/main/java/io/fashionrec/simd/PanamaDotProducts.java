package io.fashionrec.simd;

import io.fashionrec.feature.FloatMatrix;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProducts} with the Vector API ({@code jdk.incubator.vector}): fused multiply-adds on
 * the CPU's widest float vectors, several rows or several queries per pass so that each load from
 * memory feeds more than one multiply-add, and a scalar loop for the columns past the last whole
 * vector.
 *
 * <p>Loading this class needs the module {@code jdk.incubator.vector} in the boot layer; only
 * {@link DotProductsProvider} refers to it, after checking that it is there.
 */
public final class PanamaDotProducts implements DotProducts {

    public static final PanamaDotProducts INSTANCE = new PanamaDotProducts();

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * A batch scans the matrix in blocks of about this many floats (128 KiB), small enough to stay
     * in a core's L2 cache while every group of queries passes over the block.
     */
    private static final int BLOCK_FLOATS = 32 * 1024;

    private PanamaDotProducts() {
    }

    /** Floats per vector of the preferred species: 8 with AVX2, 16 with AVX-512, 4 with NEON. */
    static int preferredFloatLanes() {
        return SPECIES.length();
    }

    @Override
    public String name() {
        return "panama-" + SPECIES.vectorBitSize() + "bit";
    }

    @Override
    public void all(float[] query, FloatMatrix matrix, float[] out) {
        DotArguments.checkAll(query, matrix, out);
        scan(query, matrix.data(), matrix.cols(), 0, matrix.rows(), out);
    }

    /**
     * Rows in blocks that stay in cache; within a block, four queries per pass share each load of
     * a row, and the queries left over take the block one at a time.
     */
    @Override
    public void batch(float[][] queries, FloatMatrix matrix, float[][] out) {
        DotArguments.checkBatch(queries, matrix, out);
        int rows = matrix.rows();
        int d = matrix.cols();
        float[] data = matrix.data();
        int[] live = new int[queries.length];
        int n = 0;
        for (int q = 0; q < queries.length; q++) {
            if (queries[q] == null) {
                Arrays.fill(out[q], 0, rows, 0f);
            } else {
                live[n++] = q;
            }
        }
        int block = Math.max(1, BLOCK_FLOATS / Math.max(1, d));
        for (int start = 0; start < rows; start += block) {
            int end = Math.min(rows, start + block);
            int g = 0;
            for (; g + 4 <= n; g += 4) {
                float[] q0 = queries[live[g]];
                float[] q1 = queries[live[g + 1]];
                float[] q2 = queries[live[g + 2]];
                float[] q3 = queries[live[g + 3]];
                for (int j = start; j < end; j++) {
                    fourQueries(q0, q1, q2, q3, data, j * d, d,
                            out[live[g]], out[live[g + 1]], out[live[g + 2]], out[live[g + 3]], j);
                }
            }
            for (; g < n; g++) {
                scan(queries[live[g]], data, d, start, end, out[live[g]]);
            }
        }
    }

    /** {@code out[j] = query . row j} for rows {@code [start, end)}, four rows per pass over the query. */
    private static void scan(float[] query, float[] data, int d, int start, int end, float[] out) {
        int j = start;
        for (; j + 4 <= end; j += 4) {
            fourRows(query, data, j * d, d, out, j);
        }
        for (; j < end; j++) {
            out[j] = dot(query, data, j * d, d);
        }
    }

    /** One query against the four rows from offset {@code row}: one query load feeds four multiply-adds. */
    private static void fourRows(float[] query, float[] data, int row, int d, float[] out, int j) {
        int r1 = row + d;
        int r2 = r1 + d;
        int r3 = r2 + d;
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector q = FloatVector.fromArray(SPECIES, query, i);
            a0 = q.fma(FloatVector.fromArray(SPECIES, data, row + i), a0);
            a1 = q.fma(FloatVector.fromArray(SPECIES, data, r1 + i), a1);
            a2 = q.fma(FloatVector.fromArray(SPECIES, data, r2 + i), a2);
            a3 = q.fma(FloatVector.fromArray(SPECIES, data, r3 + i), a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            float q = query[i];
            s0 += q * data[row + i];
            s1 += q * data[r1 + i];
            s2 += q * data[r2 + i];
            s3 += q * data[r3 + i];
        }
        out[j] = s0;
        out[j + 1] = s1;
        out[j + 2] = s2;
        out[j + 3] = s3;
    }

    /** Four queries against the row at offset {@code row}: one row load feeds four multiply-adds. */
    private static void fourQueries(float[] q0, float[] q1, float[] q2, float[] q3, float[] data, int row, int d,
            float[] out0, float[] out1, float[] out2, float[] out3, int j) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector r = FloatVector.fromArray(SPECIES, data, row + i);
            a0 = r.fma(FloatVector.fromArray(SPECIES, q0, i), a0);
            a1 = r.fma(FloatVector.fromArray(SPECIES, q1, i), a1);
            a2 = r.fma(FloatVector.fromArray(SPECIES, q2, i), a2);
            a3 = r.fma(FloatVector.fromArray(SPECIES, q3, i), a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            float r = data[row + i];
            s0 += q0[i] * r;
            s1 += q1[i] * r;
            s2 += q2[i] * r;
            s3 += q3[i] * r;
        }
        out0[j] = s0;
        out1[j] = s1;
        out2[j] = s2;
        out3[j] = s3;
    }

    @Override
    public float dot(float[] query, float[] data, int offset) {
        return dot(query, data, offset, query.length);
    }

    /**
     * One query against one row, summed in exactly the order of {@link #fourRows} and
     * {@link #fourQueries} (one accumulator, lanes reduced, then the scalar tail), so a row's dot
     * product is the same bits whichever path computes it: a query answered alone or in a batch
     * gets the same scores, and ties break the same way.
     */
    private static float dot(float[] query, float[] data, int row, int d) {
        FloatVector a = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            a = FloatVector.fromArray(SPECIES, query, i).fma(FloatVector.fromArray(SPECIES, data, row + i), a);
        }
        float s = a.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            s += query[i] * data[row + i];
        }
        return s;
    }
}
