package io.fashionrec.index.store;

import java.nio.file.Path;
import java.util.BitSet;

/**
 * Bit set file format, version 1: a fixed number of bits, e.g. "has an image" per product.
 *
 * <p>Bytes on disk (little-endian; offsets in bytes):
 * <pre>
 * offset          type          value
 * 0               header        {@link CodecUtil} header: magic, codec "FashionrecBitSet", version 1 (25 bytes)
 * 25              int32         size, the number of bits, &gt;= 0
 * 29              zeros         padding up to offset 64
 * 64              int64[words]  words = ceil(size / 64); bit i is (word[i / 64] &gt;&gt;&gt; (i % 64)) &amp; 1,
 *                               the order of {@link BitSet#toLongArray()}; bits from size on are 0
 * 64 + 8 words    footer        {@link CodecUtil} footer (16 bytes)
 * </pre>
 */
public final class BitSetFormat {

    public static final String CODEC = "FashionrecBitSet";
    public static final int VERSION = 1;

    static final int SIZE_OFFSET = 25;
    static final int FIELDS_END = 29;

    private BitSetFormat() {
    }

    /**
     * Writes the first {@code size} bits of {@code bits}.
     *
     * @throws IllegalArgumentException if {@code size} is negative or a bit at or above it is set
     */
    static void write(PartOutput out, String part, BitSet bits, int size) {
        if (size < 0 || bits.length() > size) {
            throw new IllegalArgumentException("bit part \"" + part + "\" has size " + size + " but bits set up to index "
                    + (bits.length() - 1) + "; the size must cover every set bit");
        }
        CodecUtil.writeHeader(out, CODEC, VERSION);
        out.writeInt(size);
        CodecUtil.padToPayload(out);
        long[] words = bits.toLongArray();
        for (int w = 0; w < wordCount(size); w++) {
            out.writeLong(w < words.length ? words[w] : 0L);
        }
    }

    static int wordCount(int size) {
        return (int) ((size + 63L) / 64);
    }

    /** Opens a bit set whose header and footer {@link CodecUtil} has checked; counts its bits. */
    static Bits read(Path file, MappedRegion region) {
        int size = region.getInt(SIZE_OFFSET);
        if (size < 0) {
            throw IndexFormatException.damaged(file, "declares a negative size of " + size + " bits");
        }
        CodecUtil.checkPadding(file, region, FIELDS_END);
        int words = wordCount(size);
        long expected = CodecUtil.PAYLOAD_START + 8L * words + CodecUtil.FOOTER_LENGTH;
        if (region.length() != expected) {
            throw IndexFormatException.damaged(file, "is " + region.length() + " bytes where " + size + " bits take " + expected);
        }
        int cardinality = 0;
        for (int w = 0; w < words; w++) {
            cardinality += Long.bitCount(region.getLong(CodecUtil.PAYLOAD_START + 8L * w));
        }
        int tailBits = size % 64;
        if (tailBits != 0 && region.getLong(CodecUtil.PAYLOAD_START + 8L * (words - 1)) >>> tailBits != 0) {
            throw IndexFormatException.damaged(file, "has bits set beyond its size of " + size);
        }
        return new Bits(region, size, cardinality);
    }
}
