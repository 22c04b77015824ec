package io.fashionrec.vectors;

import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.simd.PlainDotProducts;

/**
 * The inner product of a query with one row of a row-major float array: what a graph walk needs,
 * one row at a time at scattered offsets, where {@link io.fashionrec.simd.DotProducts} scores whole
 * matrices. Implementations are stateless and thread-safe.
 */
interface RowDot {

    /**
     * {@code query . data[offset .. offset + query.length)}.
     *
     * @param query  the query vector
     * @param data   a row-major matrix
     * @param offset where the row starts; the caller guarantees {@code offset + query.length <= data.length}
     */
    float dot(float[] query, float[] data, int offset);

    /**
     * The Vector API implementation when {@link DotProductsProvider} chose SIMD for this JVM,
     * otherwise the plain loop: one decision for the whole process, logged by the provider.
     */
    static RowDot forThisJvm() {
        // PanamaRowDot is named only in the branch taken when the Vector API module is there, and
        // the JVM loads classes at first use.
        return DotProductsProvider.get() == PlainDotProducts.INSTANCE ? RowDot::plain : PanamaRowDot.INSTANCE;
    }

    /** Four independent sums so that the additions of neighbouring columns do not wait on each other. */
    static float plain(float[] query, float[] data, int offset) {
        int d = query.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 4 <= d; i += 4) {
            s0 += query[i] * data[offset + i];
            s1 += query[i + 1] * data[offset + i + 1];
            s2 += query[i + 2] * data[offset + i + 2];
            s3 += query[i + 3] * data[offset + i + 3];
        }
        for (; i < d; i++) {
            s0 += query[i] * data[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
