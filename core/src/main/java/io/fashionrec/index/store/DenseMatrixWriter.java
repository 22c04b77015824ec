package io.fashionrec.index.store;

import java.util.Objects;

/**
 * Streams the rows of one dense part into the index, row by row, so a matrix never has to be in
 * memory at once. Get one from {@link IndexWriter#addDense}; add exactly {@link #rows()} rows,
 * then {@link #close()} completes the part file. Closing early (e.g. when the producer of the
 * rows failed) throws and leaves no part behind.
 *
 * <p>Not thread-safe.
 */
public final class DenseMatrixWriter implements AutoCloseable {

    private final IndexWriter owner;
    private final String part;
    private final PartOutput out;
    private final int rows;
    private final int cols;
    private final DenseEncoding encoding;
    private int written;
    private boolean done;

    DenseMatrixWriter(IndexWriter owner, String part, PartOutput out, int rows, int cols, DenseEncoding encoding) {
        this.owner = owner;
        this.part = part;
        this.out = out;
        this.rows = rows;
        this.cols = cols;
        this.encoding = encoding;
        DenseMatrixFormat.writeHeader(out, rows, cols, encoding);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The number of rows added so far. */
    public int rowsWritten() {
        return written;
    }

    /** Adds the next row: {@code row} must have {@link #cols()} values. */
    public void addRow(float[] row) {
        if (row.length != cols) {
            throw new IllegalArgumentException("row " + written + " of dense part \"" + part + "\" has " + row.length + " values, not " + cols);
        }
        addRow(row, 0);
    }

    /** Adds the next row from {@code src[offset .. offset + cols)}. */
    public void addRow(float[] src, int offset) {
        Objects.checkFromIndexSize(offset, cols, src.length);
        nextRow();
        if (encoding == DenseEncoding.FLOAT32) {
            out.writeFloats(src, offset, cols);
        } else {
            for (int c = 0; c < cols; c++) {
                out.writeDouble(src[offset + c]);
            }
        }
    }

    /**
     * Adds the next row of a float64 matrix ({@code row} must have {@link #cols()} values).
     *
     * @throws IllegalStateException for a float32 matrix, which would silently lose precision
     */
    public void addRow(double[] row) {
        if (encoding != DenseEncoding.FLOAT64) {
            throw new IllegalStateException("dense part \"" + part + "\" stores float32; add float[] rows (round them yourself if that is intended)");
        }
        if (row.length != cols) {
            throw new IllegalArgumentException("row " + written + " of dense part \"" + part + "\" has " + row.length + " values, not " + cols);
        }
        nextRow();
        out.writeDoubles(row, 0, cols);
    }

    /**
     * Completes the part (footer, fsync, rename) if all rows were added; otherwise deletes it and
     * throws. Idempotent once completed.
     *
     * @throws IllegalStateException if fewer than {@link #rows()} rows were added
     */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (written < rows) {
            abandon();
            throw new IllegalStateException("dense part \"" + part + "\" was closed after " + written + " of " + rows
                    + " rows; it is not part of the index");
        }
        try {
            owner.partFinished(part, PartKind.DENSE, out.finish());
        } catch (RuntimeException e) {
            owner.partAbandoned(part);
            throw e;
        }
    }

    /** Deletes the unfinished part file; the part is not added. */
    void abandon() {
        done = true;
        out.abandon();
        owner.partAbandoned(part);
    }

    private void nextRow() {
        if (done) {
            throw new IllegalStateException("dense part \"" + part + "\" is closed");
        }
        if (written == rows) {
            throw new IllegalStateException("dense part \"" + part + "\" already has all its " + rows + " rows");
        }
        written++;
    }
}
