package io.fashionrec.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantizedDotProducts} with the Vector API: each int8 code vector is widened to floats
 * in registers (sign-extend and convert) and multiply-added to the query, so the scan reads one
 * byte per dimension from memory instead of four.
 *
 * <p>Needs preferred float vectors of 8 or 16 lanes (AVX2, AVX-512), whose bytes fill a 64- or
 * 128-bit vector; {@link DotProductsProvider} checks {@link #supports(int)} before using it.
 */
public final class PanamaQuantizedDotProducts implements QuantizedDotProducts {

    public static final PanamaQuantizedDotProducts INSTANCE = new PanamaQuantizedDotProducts();

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = supports(FLOATS.length())
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * 8)) : null;

    private PanamaQuantizedDotProducts() {
    }

    /** Whether {@code floatLanes} floats per vector have a byte vector of as many lanes. */
    static boolean supports(int floatLanes) {
        return floatLanes == 8 || floatLanes == 16;
    }

    @Override
    public String name() {
        return "panama-int8-" + FLOATS.vectorBitSize() + "bit";
    }

    @Override
    public void scan(float[] query, byte[] codes, int rows, float[] out) {
        QuantizedDotProducts.checkScan(query, codes, rows, out);
        int d = query.length;
        int lanes = FLOATS.length();
        int bound = FLOATS.loopBound(d);
        int j = 0;
        // Four rows per pass: each query load feeds four multiply-adds, and four independent sums
        // hide the latency of the widening and of the multiply-adds.
        for (; j + 4 <= rows; j += 4) {
            int r0 = j * d;
            int r1 = r0 + d;
            int r2 = r1 + d;
            int r3 = r2 + d;
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = FloatVector.zero(FLOATS);
            FloatVector a2 = FloatVector.zero(FLOATS);
            FloatVector a3 = FloatVector.zero(FLOATS);
            int i = 0;
            for (; i < bound; i += lanes) {
                FloatVector q = FloatVector.fromArray(FLOATS, query, i);
                a0 = q.fma(widen(codes, r0 + i), a0);
                a1 = q.fma(widen(codes, r1 + i), a1);
                a2 = q.fma(widen(codes, r2 + i), a2);
                a3 = q.fma(widen(codes, r3 + i), a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (; i < d; i++) {
                float q = query[i];
                s0 += q * codes[r0 + i];
                s1 += q * codes[r1 + i];
                s2 += q * codes[r2 + i];
                s3 += q * codes[r3 + i];
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        for (; j < rows; j++) {
            int r0 = j * d;
            FloatVector a0 = FloatVector.zero(FLOATS);
            int i = 0;
            for (; i < bound; i += lanes) {
                a0 = FloatVector.fromArray(FLOATS, query, i).fma(widen(codes, r0 + i), a0);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            for (; i < d; i++) {
                s0 += query[i] * codes[r0 + i];
            }
            out[j] = s0;
        }
    }

    private static FloatVector widen(byte[] codes, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
    }
}
