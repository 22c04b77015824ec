package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Writes one part file: little-endian values appended through a buffer into {@code <file>.tmp},
 * a running CRC-32 of everything written, and on {@link #finish()} the {@linkplain CodecUtil
 * footer}, an fsync and the rename to the final name. Until then the final name does not exist,
 * so a crash leaves at most a {@code .tmp} file that no manifest refers to.
 *
 * <p>Not thread-safe. I/O failures surface as {@link IndexFormatException} naming the file.
 */
final class PartOutput implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long flushed;
    private boolean closed;

    private PartOutput(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Starts writing {@code target}, which must not exist yet (committed files are never
     * overwritten); a stale {@code .tmp} beside it, left by a crash, is truncated.
     */
    static PartOutput create(Path target) {
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists already; part files of a generation are written once");
        }
        Path temporary = target.resolveSibling(target.getFileName() + IndexFiles.TMP_SUFFIX);
        try {
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new PartOutput(target, temporary, channel);
        } catch (IOException e) {
            throw IndexFormatException.cannotWrite(temporary, e);
        }
    }

    /** The number of bytes written so far, i.e. the file offset of the next byte. */
    long position() {
        return flushed + buffer.position();
    }

    void writeByte(int value) {
        room(1).put((byte) value);
    }

    void writeInt(int value) {
        room(Integer.BYTES).putInt(value);
    }

    void writeLong(long value) {
        room(Long.BYTES).putLong(value);
    }

    void writeFloat(float value) {
        room(Float.BYTES).putFloat(value);
    }

    void writeDouble(double value) {
        room(Double.BYTES).putDouble(value);
    }

    void writeInts(int[] values, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, room(Integer.BYTES).remaining() / Integer.BYTES);
            buffer.asIntBuffer().put(values, offset, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            offset += n;
            length -= n;
        }
    }

    void writeFloats(float[] values, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, room(Float.BYTES).remaining() / Float.BYTES);
            buffer.asFloatBuffer().put(values, offset, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            offset += n;
            length -= n;
        }
    }

    void writeDoubles(double[] values, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, room(Double.BYTES).remaining() / Double.BYTES);
            buffer.asDoubleBuffer().put(values, offset, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            offset += n;
            length -= n;
        }
    }

    void writeBytes(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, room(1).remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Writes zero bytes up to file offset {@code offset}, which must not be behind {@link #position()}. */
    void padTo(long offset) {
        if (offset < position()) {
            throw new IllegalStateException("cannot pad back to offset " + offset + " from " + position());
        }
        while (position() < offset) {
            writeByte(0);
        }
    }

    /**
     * Appends the footer, forces the bytes to disk and renames the temporary file to its final
     * name. Returns the final size and checksum that the manifest records.
     */
    WrittenFile finish() {
        CodecUtil.writeFooterStart(this);
        flush();
        long checksum = crc.getValue();
        room(Long.BYTES).putLong(checksum);
        flushWithoutChecksum();
        long size = position();
        try {
            channel.force(true);
            channel.close();
            closed = true;
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            abandon();
            throw IndexFormatException.cannotWrite(target, e);
        }
        return new WrittenFile(target, size, checksum);
    }

    /** Closes and deletes the temporary file; the final name was never created. Idempotent. */
    void abandon() {
        try {
            if (!closed) {
                closed = true;
                channel.close();
            }
        } catch (IOException ignored) {
            // The file is being thrown away; a failed close changes nothing for the caller.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Best effort: the next commit deletes files no manifest refers to.
        }
    }

    /** Abandons the file unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        if (!closed) {
            abandon();
        }
    }

    private ByteBuffer room(int bytes) {
        if (closed) {
            throw new IllegalStateException(target + " is already finished or abandoned");
        }
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() {
        buffer.flip();
        crc.update(buffer.duplicate());
        drain();
    }

    private void flushWithoutChecksum() {
        buffer.flip();
        drain();
    }

    private void drain() {
        try {
            while (buffer.hasRemaining()) {
                flushed += channel.write(buffer);
            }
        } catch (IOException e) {
            abandon();
            throw IndexFormatException.cannotWrite(temporary, e);
        }
        buffer.clear();
    }

    /** A finished part file: where it is, its size and the CRC-32 stored in its footer. */
    record WrittenFile(Path file, long bytes, long crc32) {
    }
}
