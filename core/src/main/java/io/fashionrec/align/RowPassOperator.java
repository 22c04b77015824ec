package io.fashionrec.align;

import io.fashionrec.feature.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code T^T T} applied as {@code T^T (T x)}: two passes over the non-zeros of {@code T} per
 * multiplication, no memory beyond {@code T}. The choice when the Gram matrix would be larger
 * than {@code T} (see {@link GramOperator}). Immutable and thread-safe.
 */
final class RowPassOperator implements NormalOperator {

    private final List<SparseVector> rows;

    RowPassOperator(List<SparseVector> rows) {
        this.rows = rows;
    }

    @Override
    public void multiply(double[] in, double[] out, int width) {
        Arrays.fill(out, 0);
        double[] projected = new double[width];
        for (SparseVector row : rows) {
            Arrays.fill(projected, 0);
            int[] idx = row.indices();
            float[] val = row.values();
            for (int k = 0; k < idx.length; k++) {
                int c = idx[k] * width;
                double v = val[k];
                for (int j = 0; j < width; j++) {
                    projected[j] += v * in[c + j];
                }
            }
            for (int k = 0; k < idx.length; k++) {
                int c = idx[k] * width;
                double v = val[k];
                for (int j = 0; j < width; j++) {
                    out[c + j] += v * projected[j];
                }
            }
        }
    }
}
