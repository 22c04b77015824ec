package io.fashionrec.index.store;

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
            throw IndexFormatException.damaged(file, "has offsets " + from + " to " + to + " for string " + i
                    + " outside its " + byteCount + " bytes of strings");
        }
        byte[] bytes = new byte[(int) (to - from)];
        region.getBytes(bytesStart + from, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
