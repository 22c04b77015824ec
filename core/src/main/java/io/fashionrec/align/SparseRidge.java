package io.fashionrec.align;

import io.fashionrec.feature.SparseVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ridge regression from sparse rows to dense targets: finds {@code W} ({@code columns x m}) with
 * {@code (T^T T + lambda I) W = T^T Y}, by conjugate gradients with a Jacobi preconditioner, one
 * independent CG per target column, all columns advanced together.
 *
 * <p>No dense {@code columns x columns} or {@code rows x rows} matrix is ever formed: each
 * iteration applies {@code T^T T} through the {@link NormalOperator} that costs least for
 * {@code T} (two passes over its non-zeros, or one over a sparse Gram matrix when terms co-occur in
 * few distinct pairs), so a 44,000-product catalog with a vocabulary of tens of thousands of terms
 * fits in seconds. Work is split over target columns across threads, so the result does not
 * depend on the number of threads.
 */
final class SparseRidge {

    /** Outcome of a solve: the coefficients and how many iterations the slowest column needed. */
    record Solution(double[] coefficients, int iterations, double worstRelativeResidual) {
    }

    private final List<SparseVector> rows;
    private final int columns;
    private final double lambda;

    /**
     * @param rows    the design matrix T, one sparse row per sample
     * @param columns the number of columns of T (the vocabulary size)
     * @param lambda  the ridge penalty, > 0
     */
    SparseRidge(List<SparseVector> rows, int columns, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("ridge penalty must be > 0, got " + lambda);
        }
        this.rows = rows;
        this.columns = columns;
        this.lambda = lambda;
    }

    /**
     * The dense targets {@code Y} ({@code rows.size() x m}), read value by value while the
     * right-hand side {@code T^T Y} is formed, each value once per solve: a caller whose targets
     * are derived from data it holds (centred sketches) need not store them.
     */
    @FunctionalInterface
    interface Targets {
        double value(int row, int column);
    }

    /**
     * Solves for all {@code m} target columns, with the cheaper form of {@code T^T T} for these
     * rows ({@link NormalOperator#cheapest}).
     *
     * @param targets {@code Y}, value by value
     * @param m       the number of target columns
     * @param tolerance stop a column when its residual is below {@code tolerance} times its right-hand side
     * @param maxIterations give up after this many iterations (the result is then the best so far)
     * @return row-major {@code columns x m} coefficients
     */
    Solution solve(Targets targets, int m, double tolerance, int maxIterations) {
        return solve(targets, m, tolerance, maxIterations, NormalOperator.cheapest(rows, columns, m));
    }

    /**
     * {@link #solve(Targets, int, double, int)} with the targets in a row-major
     * {@code rows.size() x m} array and a given form of {@code T^T T}.
     */
    Solution solve(double[] targets, int m, double tolerance, int maxIterations, NormalOperator operator) {
        int n = rows.size();
        if (targets.length != (long) n * m) {
            throw new IllegalArgumentException("targets need " + n + "x" + m + " values, got " + targets.length);
        }
        return solve((row, column) -> targets[row * m + column], m, tolerance, maxIterations, operator);
    }

    private Solution solve(Targets targets, int m, double tolerance, int maxIterations, NormalOperator operator) {
        double[] diag = new double[columns];
        for (SparseVector row : rows) {
            for (int k = 0; k < row.nonZeros(); k++) {
                diag[row.indices()[k]] += (double) row.values()[k] * row.values()[k];
            }
        }
        for (int c = 0; c < columns; c++) {
            diag[c] = 1.0 / (diag[c] + lambda);
        }
        // Columns are independent problems: each thread owns a contiguous block of them.
        int blocks = Math.max(1, Math.min(m, Runtime.getRuntime().availableProcessors() * 2));
        double[] coefficients = new double[columns * m];
        int[] iterations = new int[blocks];
        double[] residuals = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = (int) ((long) m * b / blocks);
            int to = (int) ((long) m * (b + 1) / blocks);
            Block block = new Block(targets, m, from, to, diag, operator);
            iterations[b] = block.run(tolerance, maxIterations);
            residuals[b] = block.worstResidual;
            block.copyInto(coefficients, m);
        });
        int worstIterations = 0;
        double worstResidual = 0;
        for (int b = 0; b < blocks; b++) {
            worstIterations = Math.max(worstIterations, iterations[b]);
            worstResidual = Math.max(worstResidual, residuals[b]);
        }
        return new Solution(coefficients, worstIterations, worstResidual);
    }

    /** CG state for target columns {@code [from, to)}, stored column-block-major ({@code columns x width}). */
    private final class Block {
        final int from;
        final int width;
        final double[] diag;
        final double[] x;
        final double[] r;
        final double[] z;
        final double[] p;
        final double[] ap;
        final NormalOperator operator;
        final double[] rhsNorm;
        double worstResidual;

        Block(Targets targets, int m, int from, int to, double[] diag, NormalOperator operator) {
            this.from = from;
            this.width = to - from;
            this.diag = diag;
            this.operator = operator;
            x = new double[columns * width];
            r = new double[columns * width];
            z = new double[columns * width];
            p = new double[columns * width];
            ap = new double[columns * width];
            // r = T^T Y (x starts at 0)
            double[] y = new double[width];
            for (int i = 0; i < rows.size(); i++) {
                SparseVector row = rows.get(i);
                if (row.nonZeros() == 0) {
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    y[j] = targets.value(i, from + j);
                }
                for (int k = 0; k < row.nonZeros(); k++) {
                    int c = row.indices()[k] * width;
                    double v = row.values()[k];
                    for (int j = 0; j < width; j++) {
                        r[c + j] += v * y[j];
                    }
                }
            }
            rhsNorm = columnNorms(r);
        }

        /**
         * Iterates until every column's residual is within tolerance. A converged column is frozen
         * (its step becomes 0), so each column's result is the same whichever block it runs in,
         * and so independent of the number of threads.
         */
        int run(double tolerance, int maxIterations) {
            double[] rz = new double[width];
            boolean[] active = new boolean[width];
            java.util.Arrays.fill(active, true);
            precondition();
            System.arraycopy(z, 0, p, 0, p.length);
            columnDots(r, z, rz);
            int it = 0;
            while (true) {
                double[] norms = columnNorms(r);
                worstResidual = 0;
                boolean any = false;
                for (int j = 0; j < width; j++) {
                    double relative = rhsNorm[j] > 0 ? norms[j] / rhsNorm[j] : 0;
                    worstResidual = Math.max(worstResidual, relative);
                    active[j] &= relative > tolerance;
                    any |= active[j];
                }
                if (!any || it >= maxIterations) {
                    break;
                }
                multiply(p, ap);
                double[] pap = new double[width];
                columnDots(p, ap, pap);
                double[] alpha = new double[width];
                for (int j = 0; j < width; j++) {
                    alpha[j] = active[j] && pap[j] > 0 ? rz[j] / pap[j] : 0;
                }
                for (int c = 0; c < columns; c++) {
                    int o = c * width;
                    for (int j = 0; j < width; j++) {
                        x[o + j] += alpha[j] * p[o + j];
                        r[o + j] -= alpha[j] * ap[o + j];
                    }
                }
                precondition();
                double[] rzNew = new double[width];
                columnDots(r, z, rzNew);
                for (int c = 0; c < columns; c++) {
                    int o = c * width;
                    for (int j = 0; j < width; j++) {
                        if (active[j]) {
                            double beta = rz[j] > 0 ? rzNew[j] / rz[j] : 0;
                            p[o + j] = z[o + j] + beta * p[o + j];
                        }
                    }
                }
                rz = rzNew;
                it++;
            }
            return it;
        }

        /** out = (T^T T + lambda I) in */
        void multiply(double[] in, double[] out) {
            operator.multiply(in, out, width);
            for (int i = 0; i < out.length; i++) {
                out[i] += lambda * in[i];
            }
        }

        void precondition() {
            for (int c = 0; c < columns; c++) {
                int o = c * width;
                double d = diag[c];
                for (int j = 0; j < width; j++) {
                    z[o + j] = d * r[o + j];
                }
            }
        }

        void columnDots(double[] a, double[] b, double[] out) {
            java.util.Arrays.fill(out, 0);
            for (int c = 0; c < columns; c++) {
                int o = c * width;
                for (int j = 0; j < width; j++) {
                    out[j] += a[o + j] * b[o + j];
                }
            }
        }

        double[] columnNorms(double[] a) {
            double[] out = new double[width];
            columnDots(a, a, out);
            for (int j = 0; j < width; j++) {
                out[j] = Math.sqrt(out[j]);
            }
            return out;
        }

        void copyInto(double[] coefficients, int m) {
            for (int c = 0; c < columns; c++) {
                System.arraycopy(x, c * width, coefficients, c * m + from, width);
            }
        }
    }
}
