package io.fashionrec.index.store;

import io.fashionrec.feature.SparseMatrix;
import io.fashionrec.feature.SparseVector;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Sparse rows read from the index, backed by a read-only memory map of the part file (see
 * {@link SparseRowsFormat}). The row pointers were checked at open; each {@link #row} checks its
 * own column indices, so even a part too large to checksum at open never yields a malformed row.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparseRows {

    private final Path file;
    private final MappedRegion region;
    private final int rows;
    private final int cols;
    private final int nnz;
    private final long columnsStart;
    private final long valuesStart;

    SparseRows(Path file, MappedRegion region, int rows, int cols, int nnz) {
        this.file = file;
        this.region = region;
        this.rows = rows;
        this.cols = cols;
        this.nnz = nnz;
        this.columnsStart = CodecUtil.PAYLOAD_START + 4L * (rows + 1L);
        this.valuesStart = columnsStart + 4L * nnz;
    }

    public int rows() {
        return rows;
    }

    /** The number of columns (vocabulary size); every index of every row is below it. */
    public int cols() {
        return cols;
    }

    /** The number of values stored in all rows. */
    public int nnz() {
        return nnz;
    }

    /**
     * Row {@code row} as a new vector (strictly increasing indices in {@code [0, cols())}).
     *
     * @throws IndexFormatException if the stored indices are not strictly increasing or out of range
     */
    public SparseVector row(int row) {
        Objects.checkIndex(row, rows);
        long pointer = CodecUtil.PAYLOAD_START + 4L * row;
        int start = region.getInt(pointer);
        int length = region.getInt(pointer + 4) - start;
        if (length == 0) {
            return SparseVector.EMPTY;
        }
        int[] indices = new int[length];
        float[] values = new float[length];
        int previous = -1;
        for (int i = 0; i < length; i++) {
            int index = region.getInt(columnsStart + 4L * (start + i));
            if (index <= previous || index >= cols) {
                throw IndexFormatException.damaged(file, "has column index " + index + " at position " + i + " of row " + row
                        + " (indices must increase and stay below " + cols + ")");
            }
            indices[i] = index;
            values[i] = region.getFloat(valuesStart + 4L * (start + i));
            previous = index;
        }
        return new SparseVector(indices, values);
    }

    /**
     * All rows at once, read in bulk into one matrix (three arrays, not an object per row): how
     * a reader that serves every row loads them.
     *
     * @throws IndexFormatException if the stored indices of a row are not strictly increasing or out of range
     */
    public SparseMatrix readAll() {
        int[] start = new int[rows + 1];
        int[] indices = new int[nnz];
        float[] values = new float[nnz];
        region.getInts(CodecUtil.PAYLOAD_START, start, 0, start.length);
        region.getInts(columnsStart, indices, 0, nnz);
        region.getFloats(valuesStart, values, 0, nnz);
        try {
            return SparseMatrix.of(cols, start, indices, values);
        } catch (IllegalArgumentException e) {
            throw IndexFormatException.damaged(file, "holds a malformed row: " + e.getMessage());
        }
    }
}
