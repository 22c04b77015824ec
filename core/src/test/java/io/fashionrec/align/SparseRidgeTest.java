package io.fashionrec.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs against both forms of {@code T^T T}, so either one the solver picks gives the same answers. */
class SparseRidgeTest {

    static Stream<Arguments> operators() {
        BiFunction<List<SparseVector>, Integer, NormalOperator> gram = (rows, columns) -> GramOperator.of(rows, columns, Long.MAX_VALUE);
        BiFunction<List<SparseVector>, Integer, NormalOperator> rowPass = (rows, columns) -> new RowPassOperator(rows);
        return Stream.of(Arguments.of("gram", gram), Arguments.of("row passes", rowPass));
    }

    /** Conjugate gradients must reach the solution of the dense normal equations. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void matchesTheDenseNormalEquations(String name, BiFunction<List<SparseVector>, Integer, NormalOperator> operator) {
        long seed = 7;
        Random random = new Random(seed);
        int n = 80;
        int v = 30;
        int m = 5;
        double lambda = 0.3;
        List<SparseVector> rows = new ArrayList<>();
        double[][] dense = new double[n][v];
        for (int i = 0; i < n; i++) {
            List<Integer> idx = new ArrayList<>();
            for (int c = 0; c < v; c++) {
                if (random.nextDouble() < 0.15) {
                    idx.add(c);
                }
            }
            float[] vals = new float[idx.size()];
            for (int k = 0; k < vals.length; k++) {
                vals[k] = (float) random.nextDouble();
                dense[i][idx.get(k)] = vals[k];
            }
            rows.add(new SparseVector(idx.stream().mapToInt(Integer::intValue).toArray(), vals));
        }
        double[] y = new double[n * m];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        SparseRidge.Solution solution = new SparseRidge(rows, v, lambda).solve(y, m, 1e-10, 500, operator.apply(rows, v));
        double[][] expected = denseSolve(dense, y, m, lambda);
        for (int c = 0; c < v; c++) {
            for (int j = 0; j < m; j++) {
                assertEquals(expected[c][j], solution.coefficients()[c * m + j], 1e-7, "coefficient " + c + "," + j + " seed " + seed);
            }
        }
        assertTrue(solution.worstRelativeResidual() <= 1e-10);
    }

    /** Each column converges on its own, so solving columns together or one by one gives the same bits. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void resultsDoNotDependOnHowColumnsAreGrouped(String name, BiFunction<List<SparseVector>, Integer, NormalOperator> operator) {
        Random random = new Random(11);
        int n = 50;
        int v = 20;
        int m = 6;
        List<SparseVector> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(v - 1);
            rows.add(new SparseVector(new int[] {a, a + 1}, new float[] {(float) random.nextDouble(), (float) random.nextDouble()}));
        }
        double[] y = new double[n * m];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian() * (1 + i % m);
        }
        SparseRidge ridge = new SparseRidge(rows, v, 0.05);
        double[] together = ridge.solve(y, m, 1e-6, 1000, operator.apply(rows, v)).coefficients();
        for (int j = 0; j < m; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = y[i * m + j];
            }
            double[] alone = ridge.solve(column, 1, 1e-6, 1000, operator.apply(rows, v)).coefficients();
            for (int c = 0; c < v; c++) {
                assertEquals(alone[c], together[c * m + j], 0.0, "column " + j + " coefficient " + c);
            }
        }
    }

    /** Both forms apply the same matrix: compared on random vectors with a printed seed. */
    @Test
    void bothFormsApplyTheSameMatrix() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<SparseVector> rows = randomRows(random, 200, 40, 6);
        int width = 1 + random.nextInt(9);
        double[] in = new double[40 * width];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextGaussian();
        }
        double[] viaGram = new double[in.length];
        double[] viaRows = new double[in.length];
        GramOperator.of(rows, 40, Long.MAX_VALUE).multiply(in, viaGram, width);
        new RowPassOperator(rows).multiply(in, viaRows, width);
        for (int i = 0; i < in.length; i++) {
            assertEquals(viaRows[i], viaGram[i], 1e-9 * (1 + Math.abs(viaRows[i])), "entry " + i + ", seed " + seed);
        }
    }

    /** A small vocabulary's Gram matrix is smaller than T and is chosen; long rows over many terms make it larger, and it is not. */
    @Test
    void choosesTheGramMatrixOnlyWhenItIsSmallerThanTheRows() {
        Random random = new Random(3);
        List<SparseVector> shortNames = randomRows(random, 2_000, 50, 6);
        assertInstanceOf(GramOperator.class, NormalOperator.cheapest(shortNames, 50, 128));
        List<SparseVector> longTexts = randomRows(random, 300, 5_000, 60);
        assertInstanceOf(RowPassOperator.class, NormalOperator.cheapest(longTexts, 5_000, 128));
        assertNull(GramOperator.of(longTexts, 5_000, 10_000), "over the budget of entries");
        GramOperator exact = GramOperator.of(shortNames, 50, Long.MAX_VALUE);
        assertTrue(exact.nonZeros() <= 50 * 50, "at most 50 x 50 entries, got " + exact.nonZeros());
    }

    /** {@code n} rows with up to {@code perRow} distinct terms of {@code columns}, values in (0, 1]. */
    private static List<SparseVector> randomRows(Random random, int n, int columns, int perRow) {
        List<SparseVector> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] idx = random.ints(perRow, 0, columns).distinct().sorted().toArray();
            float[] val = new float[idx.length];
            for (int k = 0; k < val.length; k++) {
                val[k] = 1 - random.nextFloat();
            }
            rows.add(new SparseVector(idx, val));
        }
        return rows;
    }

    /** (T^T T + lambda I) W = T^T Y by Gauss-Jordan elimination with partial pivoting. */
    private static double[][] denseSolve(double[][] t, double[] y, int m, double lambda) {
        int n = t.length;
        int v = t[0].length;
        double[][] a = new double[v][v + m];
        for (int r = 0; r < v; r++) {
            for (int c = 0; c < v; c++) {
                double s = r == c ? lambda : 0;
                for (int i = 0; i < n; i++) {
                    s += t[i][r] * t[i][c];
                }
                a[r][c] = s;
            }
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += t[i][r] * y[i * m + j];
                }
                a[r][v + j] = s;
            }
        }
        for (int p = 0; p < v; p++) {
            int best = p;
            for (int r = p + 1; r < v; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                    best = r;
                }
            }
            double[] tmp = a[p];
            a[p] = a[best];
            a[best] = tmp;
            for (int r = 0; r < v; r++) {
                if (r != p) {
                    double f = a[r][p] / a[p][p];
                    for (int c = p; c < v + m; c++) {
                        a[r][c] -= f * a[p][c];
                    }
                }
            }
        }
        double[][] w = new double[v][m];
        for (int r = 0; r < v; r++) {
            for (int j = 0; j < m; j++) {
                w[r][j] = a[r][v + j] / a[r][r];
            }
        }
        return w;
    }
}
