package io.fashionrec.index.store;

import io.fashionrec.feature.DenseRows;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A dense matrix read from the index, backed by a read-only memory map of its part file (see
 * {@link DenseMatrixFormat}): nothing is copied at open, pages are read as rows are touched.
 *
 * <p>The map is cut into chunks of whole rows ({@link #rowsPerChunk()} rows each, the last one
 * shorter), because one Java buffer maps at most 2 GiB. {@link #rowsView} and
 * {@link #doubleRowsView} hand out a range of rows within one chunk without copying, for
 * scanning.
 *
 * <p>Immutable and thread-safe. The map is released when the matrix is garbage collected.
 */
public final class DenseMatrix implements DenseRows {

    private final Path file;
    private final int rows;
    private final int cols;
    private final DenseEncoding encoding;
    private final int rowsPerChunk;
    private final FloatBuffer[] floatChunks;
    private final DoubleBuffer[] doubleChunks;
    private final MappedRegion data;

    DenseMatrix(Path file, int rows, int cols, DenseEncoding encoding, MappedRegion data) {
        this.file = file;
        this.rows = rows;
        this.cols = cols;
        this.encoding = encoding;
        this.data = data;
        this.rowsPerChunk = (int) (data.chunkBytes() / ((long) cols * encoding.bytes));
        int chunks = data.chunkCount();
        this.floatChunks = encoding == DenseEncoding.FLOAT32 ? new FloatBuffer[chunks] : null;
        this.doubleChunks = encoding == DenseEncoding.FLOAT64 ? new DoubleBuffer[chunks] : null;
        for (int i = 0; i < chunks; i++) {
            if (floatChunks != null) {
                floatChunks[i] = data.chunk(i).asFloatBuffer();
            } else {
                doubleChunks[i] = data.chunk(i).asDoubleBuffer();
            }
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    public DenseEncoding encoding() {
        return encoding;
    }

    /** The part file this matrix maps. */
    public Path file() {
        return file;
    }

    /**
     * How many rows each memory-map chunk holds. Rows {@code [k * rowsPerChunk(), (k + 1) *
     * rowsPerChunk())} lie in one chunk, so a view of them never crosses a boundary.
     */
    public int rowsPerChunk() {
        return rowsPerChunk;
    }

    /** Value {@code (row, col)}; a float64 matrix's value is rounded to float. */
    public float get(int row, int col) {
        Objects.checkIndex(col, cols);
        int chunk = chunkOf(row);
        int index = (row - chunk * rowsPerChunk) * cols + col;
        return floatChunks != null ? floatChunks[chunk].get(index) : (float) doubleChunks[chunk].get(index);
    }

    /** Value {@code (row, col)} in double precision (a float32 value widens exactly). */
    public double getDouble(int row, int col) {
        Objects.checkIndex(col, cols);
        int chunk = chunkOf(row);
        int index = (row - chunk * rowsPerChunk) * cols + col;
        return floatChunks != null ? floatChunks[chunk].get(index) : doubleChunks[chunk].get(index);
    }

    /** Copies row {@code row} into {@code dst[dstOffset .. dstOffset + cols)}; float64 values are rounded. */
    public void copyRow(int row, float[] dst, int dstOffset) {
        Objects.checkFromIndexSize(dstOffset, cols, dst.length);
        int chunk = chunkOf(row);
        int start = (row - chunk * rowsPerChunk) * cols;
        if (floatChunks != null) {
            floatChunks[chunk].get(start, dst, dstOffset, cols);
        } else {
            DoubleBuffer values = doubleChunks[chunk];
            for (int c = 0; c < cols; c++) {
                dst[dstOffset + c] = (float) values.get(start + c);
            }
        }
    }

    /**
     * Reads every page of the matrix into memory now, blocking until done: on a background thread,
     * it spares the first scan the page faults of the whole map (about a second per 2 GB).
     */
    public void load() {
        data.load();
    }

    /** {@inheritDoc} Float64 values are rounded; a float32 range is copied in bulk, chunk by chunk. */
    @Override
    public void copyRows(int firstRow, int count, float[] dst, int dstOffset) {
        Objects.checkFromIndexSize(firstRow, count, rows);
        Objects.checkFromIndexSize(dstOffset, count * cols, dst.length);
        if (floatChunks == null) {
            for (int r = 0; r < count; r++) {
                copyRow(firstRow + r, dst, dstOffset + r * cols);
            }
            return;
        }
        int row = firstRow;
        int end = firstRow + count;
        while (row < end) {
            int chunk = row / rowsPerChunk;
            int inChunk = Math.min(end, (chunk + 1) * rowsPerChunk) - row;
            floatChunks[chunk].get((row - chunk * rowsPerChunk) * cols, dst, dstOffset, inChunk * cols);
            dstOffset += inChunk * cols;
            row += inChunk;
        }
    }

    /** Copies row {@code row} into {@code dst[dstOffset .. dstOffset + cols)} in double precision. */
    public void copyRow(int row, double[] dst, int dstOffset) {
        Objects.checkFromIndexSize(dstOffset, cols, dst.length);
        int chunk = chunkOf(row);
        int start = (row - chunk * rowsPerChunk) * cols;
        if (doubleChunks != null) {
            doubleChunks[chunk].get(start, dst, dstOffset, cols);
        } else {
            FloatBuffer values = floatChunks[chunk];
            for (int c = 0; c < cols; c++) {
                dst[dstOffset + c] = values.get(start + c);
            }
        }
    }

    /**
     * The values of rows {@code [firstRow, firstRow + count)} of a float32 matrix, row-major, as
     * a read-only view of the map (no copy): value {@code (firstRow + r, c)} is at index
     * {@code r * cols() + c}. The buffer is the caller's own (its position and limit are free to move).
     *
     * @throws IllegalStateException    if the matrix is float64 (use {@link #doubleRowsView})
     * @throws IllegalArgumentException if the rows span two chunks (see {@link #rowsPerChunk()})
     */
    public FloatBuffer rowsView(int firstRow, int count) {
        if (floatChunks == null) {
            throw new IllegalStateException(file + " holds float64 values; use doubleRowsView");
        }
        if (checkView(firstRow, count) == 0) {
            return FloatBuffer.allocate(0).asReadOnlyBuffer();
        }
        int chunk = firstRow / rowsPerChunk;
        return floatChunks[chunk].slice((firstRow - chunk * rowsPerChunk) * cols, count * cols);
    }

    /** Like {@link #rowsView} for a float64 matrix. */
    public DoubleBuffer doubleRowsView(int firstRow, int count) {
        if (doubleChunks == null) {
            throw new IllegalStateException(file + " holds float32 values; use rowsView");
        }
        if (checkView(firstRow, count) == 0) {
            return DoubleBuffer.allocate(0).asReadOnlyBuffer();
        }
        int chunk = firstRow / rowsPerChunk;
        return doubleChunks[chunk].slice((firstRow - chunk * rowsPerChunk) * cols, count * cols);
    }

    private int chunkOf(int row) {
        Objects.checkIndex(row, rows);
        return row / rowsPerChunk;
    }

    /** Checks a view's range and returns {@code count}. */
    private int checkView(int firstRow, int count) {
        Objects.checkFromIndexSize(firstRow, count, rows);
        if (count > 0 && firstRow / rowsPerChunk != (firstRow + count - 1) / rowsPerChunk) {
            throw new IllegalArgumentException("rows " + firstRow + " to " + (firstRow + count - 1) + " span two memory-map chunks of "
                    + rowsPerChunk + " rows; end each view at a multiple of rowsPerChunk()");
        }
        return count;
    }
}
