package io.fashionrec.align;

import io.fashionrec.feature.SparseVector;
import java.util.List;

/**
 * The product with {@code T^T T} for a sparse design matrix {@code T}, applied to {@code width}
 * right-hand sides at once, the core of each conjugate-gradient iteration in {@link SparseRidge}.
 *
 * <p>Contract: {@code in} and {@code out} are {@code columns x width}, row-major (a term's
 * {@code width} values are adjacent); {@code multiply} overwrites {@code out} with
 * {@code T^T T in}, reads nothing else mutable and may run on several threads at once.
 */
interface NormalOperator {

    void multiply(double[] in, double[] out, int width);

    /**
     * The cheaper form for {@code rows}: {@link GramOperator} when {@code T^T T} has at most as
     * many non-zeros as {@code T} (so each multiplication costs at most half the two passes over
     * {@code T}), else {@link RowPassOperator}. Forming the Gram matrix is tried only when it
     * costs no more than one iteration of the two passes for {@code width} right-hand sides.
     */
    static NormalOperator cheapest(List<SparseVector> rows, int columns, int width) {
        long nonZeros = 0;
        long pairs = 0;
        for (SparseVector row : rows) {
            nonZeros += row.nonZeros();
            pairs += (long) row.nonZeros() * row.nonZeros();
        }
        if (pairs <= 2 * nonZeros * (long) width) {
            GramOperator gram = GramOperator.of(rows, columns, nonZeros);
            if (gram != null) {
                return gram;
            }
        }
        return new RowPassOperator(rows);
    }
}
