package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * A read-only, little-endian memory map of a file region of any size. Java 17 maps at most 2 GiB
 * per buffer, so the region is mapped in chunks of whole units (a unit is a value, or a whole row
 * of a matrix) of at most {@code maxChunkBytes}, so a value or row that starts at a multiple of
 * the unit lies in one chunk and can be read in place. Values that straddle two chunks (an
 * unaligned footer, say) are still read correctly, byte by byte.
 *
 * <p>Immutable and thread-safe: reads are absolute and never move a shared buffer's position.
 * The mapping lives until the region is garbage collected.
 */
final class MappedRegion {

    private final ByteBuffer[] chunks;
    private final long chunkBytes;
    private final long length;

    private MappedRegion(ByteBuffer[] chunks, long chunkBytes, long length) {
        this.chunks = chunks;
        this.chunkBytes = chunkBytes;
        this.length = length;
    }

    /**
     * Maps {@code length} bytes of {@code channel} from {@code offset}.
     *
     * @param unitBytes     chunks hold a whole number of units of this size (at least one unit)
     * @param maxChunkBytes the largest chunk wanted; a unit larger than this gets a chunk of its own
     */
    static MappedRegion map(FileChannel channel, long offset, long length, long unitBytes, long maxChunkBytes) throws IOException {
        if (unitBytes <= 0 || maxChunkBytes <= 0 || length < 0) {
            throw new IllegalArgumentException("unitBytes " + unitBytes + ", maxChunkBytes " + maxChunkBytes + " and length "
                    + length + " must be positive (length may be 0)");
        }
        long chunkBytes = Math.max(1, maxChunkBytes / unitBytes) * unitBytes;
        if (chunkBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a unit of " + unitBytes + " bytes does not fit in one mapped buffer");
        }
        int count = Math.toIntExact((length + chunkBytes - 1) / chunkBytes);
        ByteBuffer[] chunks = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long start = i * chunkBytes;
            long size = Math.min(chunkBytes, length - start);
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, offset + start, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedRegion(chunks, chunkBytes, length);
    }

    long length() {
        return length;
    }

    int chunkCount() {
        return chunks.length;
    }

    /** Bytes per chunk; every chunk but the last has exactly this many. */
    long chunkBytes() {
        return chunkBytes;
    }

    /** Chunk {@code i} (little-endian, read-only); shared, so use absolute access only. */
    ByteBuffer chunk(int i) {
        return chunks[i];
    }

    byte getByte(long offset) {
        return chunks[(int) (offset / chunkBytes)].get((int) (offset % chunkBytes));
    }

    int getInt(long offset) {
        ByteBuffer chunk = chunks[(int) (offset / chunkBytes)];
        int inChunk = (int) (offset % chunkBytes);
        if (inChunk <= chunk.limit() - Integer.BYTES) {
            return chunk.getInt(inChunk);
        }
        return (int) straddling(offset, Integer.BYTES);
    }

    long getLong(long offset) {
        ByteBuffer chunk = chunks[(int) (offset / chunkBytes)];
        int inChunk = (int) (offset % chunkBytes);
        if (inChunk <= chunk.limit() - Long.BYTES) {
            return chunk.getLong(inChunk);
        }
        return straddling(offset, Long.BYTES);
    }

    float getFloat(long offset) {
        return Float.intBitsToFloat(getInt(offset));
    }

    /** A little-endian value whose bytes lie in two chunks (only where the layout is not aligned to the unit). */
    private long straddling(long offset, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | (getByte(offset + i) & 0xFFL);
        }
        return value;
    }

    /** Copies {@code count} bytes from {@code offset} into {@code dst}, across chunk boundaries. */
    void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        while (count > 0) {
            ByteBuffer chunk = chunks[(int) (offset / chunkBytes)];
            int inChunk = (int) (offset % chunkBytes);
            int n = Math.min(count, chunk.limit() - inChunk);
            chunk.get(inChunk, dst, dstOffset, n);
            offset += n;
            dstOffset += n;
            count -= n;
        }
    }

    /** Copies {@code count} ints from {@code offset} into {@code dst}, a chunk's worth at a time. */
    void getInts(long offset, int[] dst, int dstOffset, int count) {
        forEachRun(offset, count, (run, done, n) -> run.asIntBuffer().get(dst, dstOffset + done, n));
    }

    /** Copies {@code count} floats from {@code offset} into {@code dst}, a chunk's worth at a time. */
    void getFloats(long offset, float[] dst, int dstOffset, int count) {
        forEachRun(offset, count, (run, done, n) -> run.asFloatBuffer().get(dst, dstOffset + done, n));
    }

    /** Receives consecutive 4-byte values: {@code n} of them in {@code run}, after {@code done} before them. */
    private interface RunOfValues {
        void accept(ByteBuffer run, int done, int n);
    }

    /**
     * Hands the {@code count} 4-byte values from {@code offset} to {@code sink} in order, as
     * little-endian buffers of whole values: one per chunk they span, and a copy of any value
     * split between two chunks.
     */
    private void forEachRun(long offset, int count, RunOfValues sink) {
        for (int done = 0; done < count; ) {
            ByteBuffer chunk = chunks[(int) (offset / chunkBytes)];
            int inChunk = (int) (offset % chunkBytes);
            int n = Math.min(count - done, (chunk.limit() - inChunk) / Integer.BYTES);
            ByteBuffer run;
            if (n == 0) {
                byte[] split = new byte[Integer.BYTES];
                getBytes(offset, split, 0, split.length);
                run = ByteBuffer.wrap(split);
                n = 1;
            } else {
                run = chunk.slice(inChunk, n * Integer.BYTES);
            }
            sink.accept(run.order(ByteOrder.LITTLE_ENDIAN), done, n);
            offset += (long) n * Integer.BYTES;
            done += n;
        }
    }

    /**
     * Touches every page of the map, so that later reads find them in this process's page table
     * (and the page cache) instead of faulting on first use; blocks until done.
     */
    void load() {
        for (ByteBuffer chunk : chunks) {
            ((MappedByteBuffer) chunk).load();
        }
    }

    /** The CRC-32 of the bytes {@code [0, end)}. Reads every page, so it costs a pass over the data. */
    long crc32(long end) {
        CRC32 crc = new CRC32();
        long remaining = end;
        for (int i = 0; i < chunks.length && remaining > 0; i++) {
            ByteBuffer slice = chunks[i].duplicate();
            slice.limit((int) Math.min(slice.limit(), remaining));
            remaining -= slice.remaining();
            crc.update(slice);
        }
        return crc.getValue();
    }
}
