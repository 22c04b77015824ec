package io.fashionrec.feature;

/**
 * A {@code rows x cols} matrix of floats read a row range at a time: the dense vectors of an
 * index segment, on the heap ({@link FloatMatrix}, as a build makes them) or memory-mapped from
 * the index files (as a server reads them, so that opening a million-product index copies
 * nothing). Scans copy an L2-cache-sized block of rows into an array of their own and run the
 * array kernels on it, so a score is the same bits whichever kind of rows it came from.
 *
 * <p>Implementations are immutable and safe to read from many threads.
 */
public interface DenseRows {

    int rows();

    int cols();

    /**
     * Copies rows {@code [firstRow, firstRow + count)}, row-major, into
     * {@code dst[dstOffset .. dstOffset + count * cols())}.
     *
     * @throws IndexOutOfBoundsException if the rows or the destination range are out of bounds
     */
    void copyRows(int firstRow, int count, float[] dst, int dstOffset);

    /** A copy of one row. */
    default float[] row(int row) {
        float[] out = new float[cols()];
        copyRows(row, 1, out, 0);
        return out;
    }
}
