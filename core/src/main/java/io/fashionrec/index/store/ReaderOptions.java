package io.fashionrec.index.store;

/**
 * How a reader maps and checks part files. Tests shrink the chunk size to cross chunk boundaries
 * with small files, and the checksum limit to exercise the structural checks of large parts.
 *
 * @param maxChunkBytes     the largest memory-map chunk; Java buffers hold at most 2 GiB
 * @param verifyAtOpenBytes parts up to this size have their CRC-32 recomputed at open
 */
record ReaderOptions(long maxChunkBytes, long verifyAtOpenBytes) {

    static final ReaderOptions DEFAULT = new ReaderOptions(1L << 30, 256L << 20);

    ReaderOptions {
        if (maxChunkBytes < 8 || maxChunkBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxChunkBytes must be in [8, 2^31-1], got " + maxChunkBytes);
        }
    }
}
