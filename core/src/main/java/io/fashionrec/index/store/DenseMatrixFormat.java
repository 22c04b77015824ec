package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Dense matrix file format, version 1: a {@code rows x cols} matrix of float32 or float64 values,
 * row-major, laid out so that it can be memory-mapped and read in place.
 *
 * <p>Bytes on disk (little-endian; offsets in bytes):
 * <pre>
 * offset           type      value
 * 0                header    {@link CodecUtil} header: magic, codec "FashionrecDenseMatrix", version 1 (30 bytes)
 * 30               int32     rows, &gt;= 0
 * 34               int32     cols, &gt;= 1
 * 38               uint8     encoding: 0 = float32, 1 = float64 ({@link DenseEncoding})
 * 39               zeros     padding up to offset 64
 * 64               values    rows * cols values, IEEE 754, row by row: value (r, c) is at
 *                            64 + (r * cols + c) * size, where size is 4 (float32) or 8 (float64)
 * 64 + rows*cols*size        footer: {@link CodecUtil} footer (16 bytes)
 * </pre>
 * The values start at offset 64, 64-byte aligned. A row takes at most {@value #MAX_ROW_BYTES}
 * bytes (cols * size), so that a memory-map chunk (at most 1 GiB) always holds whole rows.
 */
public final class DenseMatrixFormat {

    public static final String CODEC = "FashionrecDenseMatrix";
    public static final int VERSION = 1;
    /** The largest row, in bytes: 2^30. */
    public static final long MAX_ROW_BYTES = 1L << 30;

    static final int ROWS_OFFSET = 30;
    static final int COLS_OFFSET = 34;
    static final int ENCODING_OFFSET = 38;
    static final int FIELDS_END = 39;

    private DenseMatrixFormat() {
    }

    /** Writes the header and fields; the caller then appends {@code rows * cols} values and finishes. */
    static void writeHeader(PartOutput out, int rows, int cols, DenseEncoding encoding) {
        CodecUtil.writeHeader(out, CODEC, VERSION);
        out.writeInt(rows);
        out.writeInt(cols);
        out.writeByte(encoding.code);
        CodecUtil.padToPayload(out);
    }

    /** Checks the arguments of a new matrix; the messages name {@code part}. */
    static void checkShape(String part, int rows, int cols, DenseEncoding encoding) {
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("dense part \"" + part + "\" needs rows >= 0 and cols >= 1, got " + rows + " x " + cols);
        }
        if ((long) cols * encoding.bytes > MAX_ROW_BYTES) {
            throw new IllegalArgumentException("dense part \"" + part + "\" has rows of " + (long) cols * encoding.bytes
                    + " bytes; at most " + MAX_ROW_BYTES + " are supported");
        }
    }

    /**
     * Opens a dense matrix whose header and footer {@link CodecUtil} has checked.
     *
     * @param file   the part file, for messages
     * @param region the whole file, mapped
     */
    static DenseMatrix read(Path file, FileChannel channel, MappedRegion region, ReaderOptions options) throws IOException {
        int rows = region.getInt(ROWS_OFFSET);
        int cols = region.getInt(COLS_OFFSET);
        int code = region.getByte(ENCODING_OFFSET) & 0xFF;
        DenseEncoding encoding = DenseEncoding.forCode(code);
        if (encoding == null) {
            throw IndexFormatException.damaged(file, "has unknown value encoding " + code);
        }
        if (rows < 0 || cols < 1 || (long) cols * encoding.bytes > MAX_ROW_BYTES) {
            throw IndexFormatException.damaged(file, "declares an impossible shape of " + rows + " x " + cols);
        }
        CodecUtil.checkPadding(file, region, FIELDS_END);
        long rowBytes = (long) cols * encoding.bytes;
        long dataBytes = rows * rowBytes;
        long expected = CodecUtil.PAYLOAD_START + dataBytes + CodecUtil.FOOTER_LENGTH;
        if (region.length() != expected) {
            throw IndexFormatException.damaged(file, "is " + region.length() + " bytes where a " + rows + " x " + cols + " "
                    + encoding.name().toLowerCase(Locale.ROOT) + " matrix takes " + expected);
        }
        MappedRegion data = MappedRegion.map(channel, CodecUtil.PAYLOAD_START, dataBytes, rowBytes, options.maxChunkBytes());
        return new DenseMatrix(file, rows, cols, encoding, data);
    }
}
