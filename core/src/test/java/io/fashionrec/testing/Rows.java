package io.fashionrec.testing;

import io.fashionrec.feature.DenseRows;

/** Test helper: the values of dense rows of any kind (heap or memory-mapped), for comparing whole segments. */
public final class Rows {

    private Rows() {
    }

    /** All values, row-major. */
    public static float[] values(DenseRows rows) {
        float[] out = new float[Math.multiplyExact(rows.rows(), rows.cols())];
        rows.copyRows(0, rows.rows(), out, 0);
        return out;
    }
}
