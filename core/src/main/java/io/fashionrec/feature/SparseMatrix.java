package io.fashionrec.feature;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Rows of sparse vectors in compressed sparse row (CSR) form: three flat arrays for all rows
 * instead of a {@link SparseVector} (and its two arrays) per row, so a million rows are read and
 * held without a million objects. Row {@code r} holds positions {@code start[r] .. start[r+1]-1}
 * of {@code indices} and {@code values}.
 *
 * <p>Contract, checked at construction: {@code start} has {@code rows + 1} entries, begins at 0,
 * never decreases and ends at the length of {@code indices} and {@code values}; within a row the
 * indices strictly increase and stay in {@code [0, cols)}.
 *
 * <p>Immutable and thread-safe (it owns its arrays; {@link #row} returns copies).
 */
public final class SparseMatrix {

    private final int cols;
    private final int[] start;
    private final int[] indices;
    private final float[] values;

    private SparseMatrix(int cols, int[] start, int[] indices, float[] values) {
        this.cols = cols;
        this.start = start;
        this.indices = indices;
        this.values = values;
    }

    /**
     * The matrix of these arrays, which it takes over (the caller must not change them after).
     *
     * @throws IllegalArgumentException naming the first row, position and value that break the contract
     */
    public static SparseMatrix of(int cols, int[] start, int[] indices, float[] values) {
        if (cols < 0 || start.length == 0 || start[0] != 0 || start[start.length - 1] != indices.length
                || indices.length != values.length) {
            throw new IllegalArgumentException("a sparse matrix needs cols >= 0 (got " + cols + "), row pointers from 0 to the "
                    + indices.length + " indices, and as many values (got " + values.length + ")");
        }
        for (int r = 0; r + 1 < start.length; r++) {
            if (start[r + 1] < start[r]) {
                throw new IllegalArgumentException("row pointer " + (r + 1) + " (" + start[r + 1] + ") is below the one before (" + start[r] + ")");
            }
        }
        for (int r = 0; r + 1 < start.length; r++) {
            int previous = -1;
            for (int p = start[r]; p < start[r + 1]; p++) {
                int index = indices[p];
                if (index <= previous || index >= cols) {
                    throw new IllegalArgumentException("row " + r + " has index " + index + " at position " + (p - start[r])
                            + " (indices must increase and stay below " + cols + ")");
                }
                previous = index;
            }
        }
        return new SparseMatrix(cols, start, indices, values);
    }

    /**
     * The matrix of {@code rows} (copied).
     *
     * @throws IllegalArgumentException if a row has an index outside {@code [0, cols)}, or there
     *                                  are more than 2^31-1 values in all
     */
    public static SparseMatrix of(int cols, List<SparseVector> rows) {
        int[] start = new int[rows.size() + 1];
        long nnz = 0;
        for (int r = 0; r < rows.size(); r++) {
            nnz += rows.get(r).nonZeros();
            if (nnz > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the rows hold more than " + (Integer.MAX_VALUE - 8) + " values, too many for one matrix");
            }
            start[r + 1] = (int) nnz;
        }
        int[] indices = new int[(int) nnz];
        float[] values = new float[(int) nnz];
        for (int r = 0; r < rows.size(); r++) {
            SparseVector row = rows.get(r);
            System.arraycopy(row.indices(), 0, indices, start[r], row.nonZeros());
            System.arraycopy(row.values(), 0, values, start[r], row.nonZeros());
        }
        return of(cols, start, indices, values);
    }

    public int rows() {
        return start.length - 1;
    }

    /** The number of columns; every index is below it. */
    public int cols() {
        return cols;
    }

    /** The number of stored values of all rows. */
    public int nonZeros() {
        return indices.length;
    }

    /** Whether row {@code r} has no stored value. */
    public boolean isEmpty(int r) {
        return start[r + 1] == start[r];
    }

    /** Row {@code r} as a new vector ({@link SparseVector#EMPTY} when it has no value). */
    public SparseVector row(int r) {
        int from = start[r];
        int to = start[r + 1];
        return from == to ? SparseVector.EMPTY
                : new SparseVector(Arrays.copyOfRange(indices, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** The first position of row {@code r} in {@link #index}/{@link #value}; row r ends where row r+1 starts. */
    public int rowStart(int r) {
        return start[r];
    }

    /** The column index stored at position {@code p} (see {@link #rowStart}). */
    public int index(int p) {
        return indices[p];
    }

    /** The value stored at position {@code p} (see {@link #rowStart}). */
    public float value(int p) {
        return values[p];
    }

    /** The rows as a read-only list; each {@code get} makes the row as {@link #row} does. */
    public List<SparseVector> asList() {
        return new RowList();
    }

    private final class RowList extends AbstractList<SparseVector> implements RandomAccess {
        @Override
        public SparseVector get(int r) {
            Objects.checkIndex(r, rows());
            return row(r);
        }

        @Override
        public int size() {
            return rows();
        }
    }
}
