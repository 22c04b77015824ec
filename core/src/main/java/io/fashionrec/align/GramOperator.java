package io.fashionrec.align;

import io.fashionrec.feature.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code T^T T} formed once as a sparse symmetric matrix (CSR, every stored entry non-zero
 * structurally), so that each multiplication costs one pass over its non-zeros instead of two
 * passes over those of {@code T}.
 *
 * <p>Worth it when terms co-occur in few distinct pairs: a catalog whose names are drawn from a
 * small vocabulary has a Gram matrix far smaller than its {@code rows x terms} matrix. Long texts
 * (descriptions) make it dense, so {@link #of} gives up once it would hold more entries than
 * {@code T} itself. Entries are summed in double precision in a fixed order, so the matrix is
 * the same on every run. Immutable and thread-safe.
 */
final class GramOperator implements NormalOperator {

    private final int[] rowStart;
    private final int[] neighbours;
    private final double[] values;

    private GramOperator(int[] rowStart, int[] neighbours, double[] values) {
        this.rowStart = rowStart;
        this.neighbours = neighbours;
        this.values = values;
    }

    /**
     * Forms {@code T^T T} for the given rows, or returns null as soon as it would hold more than
     * {@code maxNonZeros} entries.
     */
    static GramOperator of(List<SparseVector> rows, int columns, long maxNonZeros) {
        // The transpose of T (which rows hold each term), to visit the pairs term by term.
        int[] columnStart = new int[columns + 1];
        for (SparseVector row : rows) {
            for (int c : row.indices()) {
                columnStart[c + 1]++;
            }
        }
        for (int c = 0; c < columns; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        int[] rowOf = new int[columnStart[columns]];
        float[] valueOf = new float[columnStart[columns]];
        int[] fill = Arrays.copyOf(columnStart, columns);
        for (int i = 0; i < rows.size(); i++) {
            SparseVector row = rows.get(i);
            for (int k = 0; k < row.nonZeros(); k++) {
                int at = fill[row.indices()[k]]++;
                rowOf[at] = i;
                valueOf[at] = row.values()[k];
            }
        }
        int[] start = new int[columns + 1];
        int[] outIndices = new int[16];
        double[] outValues = new double[16];
        int stored = 0;
        double[] sum = new double[columns];
        int[] seenFor = new int[columns];
        int[] touched = new int[columns];
        for (int a = 0; a < columns; a++) {
            int count = 0;
            for (int e = columnStart[a]; e < columnStart[a + 1]; e++) {
                SparseVector row = rows.get(rowOf[e]);
                double va = valueOf[e];
                int[] idx = row.indices();
                float[] val = row.values();
                for (int k = 0; k < idx.length; k++) {
                    int b = idx[k];
                    if (seenFor[b] != a + 1) {
                        seenFor[b] = a + 1;
                        sum[b] = 0;
                        touched[count++] = b;
                    }
                    sum[b] += va * val[k];
                }
            }
            if (stored + (long) count > maxNonZeros) {
                return null;
            }
            Arrays.sort(touched, 0, count);
            if (stored + count > outIndices.length) {
                int capacity = (int) Math.min(maxNonZeros, Math.max(2L * outIndices.length, stored + count));
                outIndices = Arrays.copyOf(outIndices, capacity);
                outValues = Arrays.copyOf(outValues, capacity);
            }
            for (int t = 0; t < count; t++) {
                outIndices[stored] = touched[t];
                outValues[stored++] = sum[touched[t]];
            }
            start[a + 1] = stored;
        }
        return new GramOperator(start, Arrays.copyOf(outIndices, stored), Arrays.copyOf(outValues, stored));
    }

    /** The number of stored entries. */
    long nonZeros() {
        return neighbours.length;
    }

    @Override
    public void multiply(double[] in, double[] out, int width) {
        Arrays.fill(out, 0);
        int columns = rowStart.length - 1;
        for (int a = 0; a < columns; a++) {
            int o = a * width;
            for (int e = rowStart[a]; e < rowStart[a + 1]; e++) {
                int c = neighbours[e] * width;
                double g = values[e];
                for (int j = 0; j < width; j++) {
                    out[o + j] += g * in[c + j];
                }
            }
        }
    }
}
