package io.fashionrec.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 2-D {@code .npy} array row by row: the header with the final shape first, then the
 * rows as they come, so an array larger than the heap can be written (1,000,000 x 512 floats
 * through a 1 MiB buffer). {@link #close()} checks that exactly the promised rows were written.
 * Not thread-safe.
 */
public final class NpyRowWriter implements Closeable {

    private final Path file;
    private final NpyType type;
    private final long rows;
    private final int cols;
    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(NpyFile.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    private NpyRowWriter(Path file, NpyType type, long rows, int cols) throws IOException {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a .npy shape needs non-negative sizes, got (" + rows + ", " + cols + ")");
        }
        this.file = file;
        this.type = type;
        this.rows = rows;
        this.cols = cols;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        buffer.put(NpyHeader.format(type, rows, cols));
    }

    /** A writer of a {@code rows x cols} float32 array, replacing any file there. */
    public static NpyRowWriter float32(Path file, long rows, int cols) throws IOException {
        return new NpyRowWriter(file, NpyType.FLOAT32, rows, cols);
    }

    /** A writer of a {@code rows x cols} int64 array, replacing any file there. */
    public static NpyRowWriter int64(Path file, long rows, int cols) throws IOException {
        return new NpyRowWriter(file, NpyType.INT64, rows, cols);
    }

    /** Appends one float32 row: {@code cols} floats of {@code row}. */
    public void writeRow(float[] row) throws IOException {
        if (row.length != cols) {
            throw new IllegalArgumentException("a row of " + file + " has " + cols + " floats, got " + row.length);
        }
        writeRows(row, 0, 1);
    }

    /** Appends {@code count} float32 rows from row-major {@code data}, starting at {@code offset}. */
    public void writeRows(float[] data, int offset, int count) throws IOException {
        expect(NpyType.FLOAT32, count);
        int n = count * cols;
        for (int i = offset; i < offset + n; ) {
            int room = room(4);
            int take = Math.min(room, offset + n - i);
            buffer.asFloatBuffer().put(data, i, take);
            buffer.position(buffer.position() + take * 4);
            i += take;
        }
        written += count;
    }

    /** Appends one int64 row: the {@code cols} longs of {@code data} from {@code offset}. */
    public void writeRow(long[] data, int offset) throws IOException {
        expect(NpyType.INT64, 1);
        for (int i = offset; i < offset + cols; ) {
            int take = Math.min(room(8), offset + cols - i);
            buffer.asLongBuffer().put(data, i, take);
            buffer.position(buffer.position() + take * 8);
            i += take;
        }
        written++;
    }

    private void expect(NpyType wanted, int count) {
        if (type != wanted) {
            throw new IllegalStateException(file + " is written as '" + type.descr() + "', not '" + wanted.descr() + "'");
        }
        if (written + count > rows) {
            throw new IllegalStateException(file + " was promised " + rows + " rows; writing " + count + " more after "
                    + written + " would exceed that");
        }
    }

    /** Elements of {@code bytes} bytes that fit in the buffer, flushing it first when none do. */
    private int room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer.remaining() / bytes;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /**
     * Writes what is buffered and closes the file.
     *
     * @throws IOException if fewer rows were written than the header promised (the file is then
     *                     shorter than its header says, and readers reject it as truncated)
     */
    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
        if (written != rows) {
            throw new IOException(file + " was promised " + rows + " rows but only " + written + " were written");
        }
    }
}
