package io.fashionrec.index.store;

import java.util.Objects;

/**
 * A fixed-size set of bits read from the index, backed by a read-only memory map of the part file
 * (see {@link BitSetFormat}); like {@link java.util.BitSet} for reading.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bits {

    private final MappedRegion region;
    private final int size;
    private final int cardinality;

    Bits(MappedRegion region, int size, int cardinality) {
        this.region = region;
        this.size = size;
        this.cardinality = cardinality;
    }

    /** Whether bit {@code i} is set, for {@code 0 <= i < size()}. */
    public boolean get(int i) {
        Objects.checkIndex(i, size);
        return (region.getLong(CodecUtil.PAYLOAD_START + 8L * (i >>> 6)) >>> (i & 63) & 1L) != 0;
    }

    /** The number of bits set. */
    public int cardinality() {
        return cardinality;
    }

    /** The number of bits, set or not. */
    public int size() {
        return size;
    }
}
