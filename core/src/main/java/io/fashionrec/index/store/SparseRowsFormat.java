package io.fashionrec.index.store;

import io.fashionrec.feature.SparseVector;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Sparse rows file format, version 1: rows of a sparse matrix in compressed sparse row (CSR)
 * form, e.g. the TF-IDF vectors of a catalog over its vocabulary.
 *
 * <p>Bytes on disk (little-endian; offsets in bytes):
 * <pre>
 * offset               type              value
 * 0                    header            {@link CodecUtil} header: magic, codec "FashionrecSparseRows", version 1 (29 bytes)
 * 29                   int32             rows, &gt;= 0
 * 33                   int32             cols (the vocabulary size), &gt;= 0
 * 37                   int32             nnz, the number of stored values, &gt;= 0
 * 41                   zeros             padding up to offset 64
 * 64                   int32[rows + 1]   row pointers: start[0] = 0, non-decreasing, start[rows] = nnz;
 *                                        row r holds entries start[r] .. start[r+1]-1
 * 64 + 4(rows+1)       int32[nnz]        column indices, strictly increasing within a row, each in [0, cols)
 * 64 + 4(rows+1+nnz)   float32[nnz]      values, IEEE 754
 * 64 + 4(rows+1+2nnz)  footer            {@link CodecUtil} footer (16 bytes)
 * </pre>
 * Every array starts 4-byte aligned.
 */
public final class SparseRowsFormat {

    public static final String CODEC = "FashionrecSparseRows";
    public static final int VERSION = 1;

    static final int ROWS_OFFSET = 29;
    static final int COLS_OFFSET = 33;
    static final int NNZ_OFFSET = 37;
    static final int FIELDS_END = 41;

    private SparseRowsFormat() {
    }

    /**
     * Writes {@code rows} in three passes (row pointers, column indices, values), so the rows need
     * not be in memory at once but {@code rows} must yield the same rows on every iteration.
     *
     * @throws IllegalArgumentException if a row has an index outside {@code [0, cols)}, there are
     *                                  more than 2^31-1 values in all, or the iterations differ
     */
    static void write(PartOutput out, String part, int cols, Iterable<SparseVector> rows) {
        if (cols < 0) {
            throw new IllegalArgumentException("sparse part \"" + part + "\" needs cols >= 0, got " + cols);
        }
        int[] start = new int[16];
        int count = 0;
        long nnz = 0;
        for (SparseVector row : rows) {
            int[] indices = row.indices();
            if (indices.length > 0 && (indices[0] < 0 || indices[indices.length - 1] >= cols)) {
                throw new IllegalArgumentException("row " + count + " of sparse part \"" + part + "\" has an index outside [0, " + cols
                        + "): " + row);
            }
            nnz += indices.length;
            if (nnz > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sparse part \"" + part + "\" has more than " + Integer.MAX_VALUE + " values");
            }
            if (++count == start.length) {
                start = Arrays.copyOf(start, start.length * 2);
            }
            start[count] = (int) nnz;
        }
        CodecUtil.writeHeader(out, CODEC, VERSION);
        out.writeInt(count);
        out.writeInt(cols);
        out.writeInt((int) nnz);
        CodecUtil.padToPayload(out);
        out.writeInts(start, 0, count + 1);
        int r = 0;
        for (SparseVector row : rows) {
            checkSamePass(part, start, count, r++, row);
            out.writeInts(row.indices(), 0, row.nonZeros());
        }
        checkSameCount(part, count, r);
        r = 0;
        for (SparseVector row : rows) {
            checkSamePass(part, start, count, r++, row);
            out.writeFloats(row.values(), 0, row.nonZeros());
        }
        checkSameCount(part, count, r);
    }

    private static void checkSamePass(String part, int[] start, int count, int r, SparseVector row) {
        if (r >= count || row.nonZeros() != start[r + 1] - start[r]) {
            throw new IllegalArgumentException("the rows of sparse part \"" + part + "\" changed between iterations (at row " + r
                    + "); pass an Iterable that yields the same rows each time, such as a List");
        }
    }

    private static void checkSameCount(String part, int count, int r) {
        if (r != count) {
            throw new IllegalArgumentException("the rows of sparse part \"" + part + "\" changed between iterations (" + count
                    + " rows, then " + r + "); pass an Iterable that yields the same rows each time, such as a List");
        }
    }

    /** Opens sparse rows whose header and footer {@link CodecUtil} has checked; checks the row pointers. */
    static SparseRows read(Path file, MappedRegion region) {
        int rows = region.getInt(ROWS_OFFSET);
        int cols = region.getInt(COLS_OFFSET);
        int nnz = region.getInt(NNZ_OFFSET);
        if (rows < 0 || cols < 0 || nnz < 0) {
            throw IndexFormatException.damaged(file, "declares an impossible shape of " + rows + " rows, " + cols + " columns and "
                    + nnz + " values");
        }
        CodecUtil.checkPadding(file, region, FIELDS_END);
        long expected = CodecUtil.PAYLOAD_START + 4L * (rows + 1L) + 8L * nnz + CodecUtil.FOOTER_LENGTH;
        if (region.length() != expected) {
            throw IndexFormatException.damaged(file, "is " + region.length() + " bytes where " + rows + " rows with " + nnz
                    + " values take " + expected);
        }
        long pointers = CodecUtil.PAYLOAD_START;
        int previous = region.getInt(pointers);
        if (previous != 0) {
            throw IndexFormatException.damaged(file, "has a first row pointer of " + previous + " instead of 0");
        }
        for (int r = 1; r <= rows; r++) {
            int next = region.getInt(pointers + 4L * r);
            if (next < previous || next > nnz) {
                throw IndexFormatException.damaged(file, "has row pointers out of order at row " + r);
            }
            previous = next;
        }
        if (previous != nnz) {
            throw IndexFormatException.damaged(file, "has a last row pointer of " + previous + " instead of " + nnz);
        }
        return new SparseRows(file, region, rows, cols, nnz);
    }
}
