package io.fashionrec.index.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A column of strings read from the index, backed by a read-only memory map of the part file (see
 * {@link StringColumnFormat}). Nothing is decoded at open: {@link #get} reads two offsets and
 * decodes one string, so a column of a million entries opens at once.
 *
 * <p>Immutable and thread-safe.
 */
public final class StringColumn {

    /** Receives one string's UTF-8 bytes: {@code bytes[from .. from+length)}, valid only during the call. */
    @FunctionalInterface
    public interface Utf8Visitor {
        void accept(int index, byte[] bytes, int from, int length);
    }

    /** Strings read per bulk copy by {@link #forEachUtf8}. */
    private static final int BLOCK = 4096;

    private final Path file;
    private final MappedRegion region;
    private final int size;
    private final long bytesStart;
    private final long byteCount;

    StringColumn(Path file, MappedRegion region, int size, long bytesStart, long byteCount) {
        this.file = file;
        this.region = region;
        this.size = size;
        this.bytesStart = bytesStart;
        this.byteCount = byteCount;
    }

    /** The number of strings. */
    public int size() {
        return size;
    }

    /**
     * String {@code i}, decoded from UTF-8.
     *
     * @throws IndexFormatException if its stored offsets are out of order or out of range
     */
    public String get(int i) {
        Objects.checkIndex(i, size);
        long from = region.getLong(CodecUtil.PAYLOAD_START + 8L * i);
        long to = region.getLong(CodecUtil.PAYLOAD_START + 8L * (i + 1));
        if (from < 0 || to < from || to > byteCount || to - from > Integer.MAX_VALUE - 8) {
            throw badOffsets(from, to, i);
        }
        byte[] bytes = new byte[(int) (to - from)];
        region.getBytes(bytesStart + from, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Hands every string's UTF-8 bytes to {@code visitor}, in order, copying offsets and bytes
     * from the map a block of strings at a time: a pass over a million entries without a String
     * (or a small read of the map) per entry, as building a table of them wants.
     *
     * @throws IndexFormatException if stored offsets are out of order or out of range (the
     *                              strings before them have been visited)
     */
    public void forEachUtf8(Utf8Visitor visitor) {
        byte[] offsets = new byte[Long.BYTES * (BLOCK + 1)];
        ByteBuffer offset = ByteBuffer.wrap(offsets).order(ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = new byte[BLOCK * 16];
        for (int first = 0; first < size; first += BLOCK) {
            int count = Math.min(BLOCK, size - first);
            region.getBytes(CodecUtil.PAYLOAD_START + 8L * first, offsets, 0, Long.BYTES * (count + 1));
            long blockFrom = offset.getLong(0);
            long blockTo = offset.getLong(Long.BYTES * count);
            if (blockFrom < 0 || blockTo < blockFrom || blockTo > byteCount || blockTo - blockFrom > Integer.MAX_VALUE - 8) {
                throw badOffsets(blockFrom, blockTo, first);
            }
            if (blockTo - blockFrom > bytes.length) {
                bytes = new byte[(int) (blockTo - blockFrom)];
            }
            region.getBytes(bytesStart + blockFrom, bytes, 0, (int) (blockTo - blockFrom));
            long from = blockFrom;
            for (int k = 0; k < count; k++) {
                long to = offset.getLong(Long.BYTES * (k + 1));
                // ends that never decrease, from blockFrom up to blockTo, keep every string inside the copy
                if (to < from || to > blockTo) {
                    throw badOffsets(from, to, first + k);
                }
                visitor.accept(first + k, bytes, (int) (from - blockFrom), (int) (to - from));
                from = to;
            }
        }
    }

    private IndexFormatException badOffsets(long from, long to, int i) {
        return IndexFormatException.damaged(file, "has offsets " + from + " to " + to + " for string " + i
                + " outside its " + byteCount + " bytes of strings");
    }
}
