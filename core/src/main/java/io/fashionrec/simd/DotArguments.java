package io.fashionrec.simd;

import io.fashionrec.feature.DenseRows;

/**
 * The length checks every {@link DotProducts} makes before it scans, once per call rather than per
 * row, so that a wrong length fails with its value instead of an index out of bounds mid-scan.
 */
final class DotArguments {

    private DotArguments() {
    }

    static void checkAll(float[] query, DenseRows matrix, float[] out) {
        checkQuery(query, matrix);
        if (out.length < matrix.rows()) {
            throw new IllegalArgumentException("the output holds " + out.length + " floats, the matrix has "
                    + matrix.rows() + " rows");
        }
    }

    static void checkQuery(float[] query, DenseRows matrix) {
        if (query.length != matrix.cols()) {
            throw new IllegalArgumentException("the query has " + query.length + " floats, the matrix rows "
                    + matrix.cols());
        }
    }

    /** As {@link #checkAll} for every query of a batch; null queries are allowed. */
    static void checkBatch(float[][] queries, DenseRows matrix, float[][] out) {
        if (out.length < queries.length) {
            throw new IllegalArgumentException(queries.length + " queries but " + out.length + " output arrays");
        }
        for (int q = 0; q < queries.length; q++) {
            if (out[q].length < matrix.rows()) {
                throw new IllegalArgumentException("output " + q + " holds " + out[q].length
                        + " floats, the matrix has " + matrix.rows() + " rows");
            }
            if (queries[q] != null && queries[q].length != matrix.cols()) {
                throw new IllegalArgumentException("query " + q + " has " + queries[q].length
                        + " floats, the matrix rows " + matrix.cols());
            }
        }
    }
}
