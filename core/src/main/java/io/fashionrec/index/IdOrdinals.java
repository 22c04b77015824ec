package io.fashionrec.index;

/**
 * The ordinal of each product id: an open-addressing hash table (linear probing) that holds
 * only ints, each slot an id's {@link String#hashCode} and its ordinal, while the ids themselves
 * stay in their column. A {@code HashMap<String, Integer>} over a million memory-mapped ids
 * would keep a million decoded strings, boxed ordinals and entries alive (about a second of a
 * server's start on two cores, much of it the collector copying them); this table is two int
 * arrays of twice the product count, and a lookup decodes only the ids whose hash matches.
 *
 * <p>Immutable after construction and thread-safe for reads, as far as its column is.
 */
final class IdOrdinals {

    /** Marks an empty slot in {@link #ordinals}; ordinals are stored as they are. */
    private static final int EMPTY = -1;

    private final ProductTable.Column ids;
    private final int[] hashes;
    private final int[] ordinals;
    private final int mask;
    private final int shift;

    /**
     * Indexes every id of {@code ids}.
     *
     * @throws IllegalArgumentException naming the first id that occurs twice
     */
    IdOrdinals(ProductTable.Column ids) {
        int n = ids.size();
        // At most half full, so an unsuccessful probe stays short; a power of two, so a mask picks the slot.
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        this.ids = ids;
        this.hashes = new int[capacity];
        this.ordinals = new int[capacity];
        this.mask = capacity - 1;
        this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
        java.util.Arrays.fill(ordinals, EMPTY);
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            int hash = id.hashCode();
            int slot = find(id, hash);
            if (ordinals[slot] != EMPTY) {
                throw new IllegalArgumentException("duplicate product id " + id + " (at ordinals " + ordinals[slot] + " and " + i + ")");
            }
            hashes[slot] = hash;
            ordinals[slot] = i;
        }
    }

    /** The ordinal of {@code id}, or -1 if no product has it. */
    int ordinal(String id) {
        return ordinals[find(id, id.hashCode())];
    }

    /** The slot that holds {@code id}, or the empty slot where it would go. */
    private int find(String id, int hash) {
        // Fibonacci hashing: the top bits of the product mix every bit of the hash, and the
        // hashes of numeric ids (consecutive strings) differ mostly in their low bits.
        int slot = (hash * 0x9E3779B9) >>> shift;
        while (ordinals[slot] != EMPTY && (hashes[slot] != hash || !ids.get(ordinals[slot]).equals(id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
