package io.fashionrec.vectors;

import io.fashionrec.feature.FloatMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * NumPy {@code .npy} files of 2-D, C-order, little-endian arrays: the way vectors and search
 * results travel between fashionrec and Python (FAISS, hnswlib, numpy). Reads versions 1.0, 2.0
 * and 3.0 of the format with float32 ({@code <f4}) or float64 ({@code <f8}, narrowed to float32)
 * elements, and int64 ({@code <i8}) ids; writes version 1.0, float32 or int64. Every failure is an
 * {@link IOException} whose message names the file and what is wrong with it.
 *
 * <p>Stateless and thread-safe; files are streamed in chunks, so reading costs one copy of the
 * data on the heap and writing (through {@link NpyRowWriter}) none.
 */
public final class NpyFile {

    /** Bytes moved per read or write call: large enough for sequential disk speed, small enough not to matter on the heap. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Java arrays hold a little under {@link Integer#MAX_VALUE} elements (the JVM keeps a few words of header). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** numpy headers are at most this many bytes here (our largest allowed header plus the prefix), so one read holds any header. */
    private static final int HEAD_BYTES = (1 << 20) + 16;

    /** A 2-D int64 array read from a {@code .npy} file, row-major like {@link FloatMatrix}. */
    public record LongMatrix(int rows, int cols, long[] data) {

        public LongMatrix {
            if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
                throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                        + " longs, got " + data.length);
            }
        }

        public long get(int row, int col) {
            return data[row * cols + col];
        }
    }

    private NpyFile() {
    }

    /**
     * A float32 or float64 2-D array as a matrix (float64 rounded to the nearest float).
     *
     * @throws IOException if the file cannot be read, is not such an array, is truncated or has
     *                     bytes past its data, or holds more than {@link Integer#MAX_VALUE} - 8
     *                     elements (one Java array)
     */
    public static FloatMatrix readFloat32(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = header(file, in);
            if (h.type() == NpyType.INT64) {
                throw new IOException(file + " holds int64 numbers ('<i8'); vectors must be float32 ('<f4') or float64 ('<f8')");
            }
            float[] data = new float[elements(file, h)];
            int n = 0;
            for (ByteBuffer chunk = chunk(); n < data.length; ) {
                readFully(file, in, chunk, Math.min(data.length - n, CHUNK_BYTES / h.type().bytes()) * h.type().bytes());
                if (h.type() == NpyType.FLOAT32) {
                    int count = chunk.remaining() / 4;
                    chunk.asFloatBuffer().get(data, n, count);
                    n += count;
                } else {
                    while (chunk.hasRemaining()) {
                        data[n++] = (float) chunk.getDouble();
                    }
                }
            }
            return new FloatMatrix((int) h.rows(), (int) h.cols(), data);
        }
    }

    /**
     * An int64 2-D array, such as the top-k ids FAISS returns.
     *
     * @throws IOException as {@link #readFloat32}, and if the elements are not int64
     */
    public static LongMatrix readInt64(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = header(file, in);
            if (h.type() != NpyType.INT64) {
                throw new IOException(file + " holds '" + h.type().descr() + "' numbers; int64 ids ('<i8') are needed");
            }
            long[] data = new long[elements(file, h)];
            int n = 0;
            for (ByteBuffer chunk = chunk(); n < data.length; ) {
                readFully(file, in, chunk, Math.min(data.length - n, CHUNK_BYTES / 8) * 8);
                int count = chunk.remaining() / 8;
                chunk.asLongBuffer().get(data, n, count);
                n += count;
            }
            return new LongMatrix((int) h.rows(), (int) h.cols(), data);
        }
    }

    /** Writes {@code matrix} as a float32 array (replacing any file there). */
    public static void writeFloat32(Path file, FloatMatrix matrix) throws IOException {
        try (NpyRowWriter out = NpyRowWriter.float32(file, matrix.rows(), matrix.cols())) {
            out.writeRows(matrix.data(), 0, matrix.rows());
        }
    }

    /**
     * Writes a {@code rows x cols} int64 array from row-major {@code data} (replacing any file there).
     *
     * @throws IllegalArgumentException if {@code data} does not hold exactly {@code rows x cols} values
     */
    public static void writeInt64(Path file, int rows, int cols, long[] data) throws IOException {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " array needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        try (NpyRowWriter out = NpyRowWriter.int64(file, rows, cols)) {
            for (int r = 0; r < rows; r++) {
                out.writeRow(data, r * cols);
            }
        }
    }

    /** The header, checked against the file's size; the channel is left at the first element. */
    private static NpyHeader header(Path file, FileChannel in) throws IOException {
        long size = in.size();
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEAD_BYTES));
        while (head.hasRemaining()) {
            if (in.read(head) < 0) {
                break; // the file shrank since size(); the parser reports what is missing
            }
        }
        head.flip();
        NpyHeader h = NpyHeader.parse(file, head);
        long have = size - h.dataOffset();
        long need = h.dataBytes();
        if (h.rows() != 0 && h.cols() != 0 && need / h.cols() / h.type().bytes() != h.rows()) {
            throw new IOException(file + " has an impossible .npy shape (" + h.rows() + ", " + h.cols() + ")");
        }
        if (have < need) {
            throw new IOException(file + " is truncated: its shape (" + h.rows() + ", " + h.cols() + ") of '" + h.type().descr()
                    + "' needs " + need + " bytes of data, the file has " + have);
        }
        if (have > need) {
            throw new IOException(file + " has " + (have - need) + " bytes after the data its shape (" + h.rows() + ", "
                    + h.cols() + ") promises; it is not a single .npy array");
        }
        in.position(h.dataOffset());
        return h;
    }

    private static int elements(Path file, NpyHeader h) throws IOException {
        if (h.rows() > Integer.MAX_VALUE || h.elements() > MAX_ELEMENTS) {
            throw new IOException(file + " holds " + h.rows() + " x " + h.cols() + " = " + h.elements()
                    + " numbers, more than one Java array holds (" + MAX_ELEMENTS + "); split it into smaller files");
        }
        return (int) h.elements();
    }

    private static ByteBuffer chunk() {
        return ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fills {@code chunk} with the next {@code bytes} bytes and flips it for reading. */
    private static void readFully(Path file, FileChannel in, ByteBuffer chunk, int bytes) throws IOException {
        chunk.clear().limit(bytes);
        while (chunk.hasRemaining()) {
            if (in.read(chunk) < 0) {
                throw new IOException(file + " ended early: it shrank while being read");
            }
        }
        chunk.flip();
    }
}
