package io.fashionrec.index;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * The ordinal of each product id: an open-addressing hash table (linear probing) that holds
 * only ints, each slot a hash of an id's UTF-8 bytes and its ordinal, while the ids themselves
 * stay in their column. A {@code HashMap<String, Integer>} over a million memory-mapped ids
 * would decode them all and keep a million strings, boxed ordinals and entries alive; this table
 * is one int array (a hash and an ordinal per slot, twice as many slots as ids), filled from the
 * column's bytes without decoding them ({@link ProductTable.Column#forEachUtf8}), and a lookup
 * decodes only the ids whose hash matches.
 *
 * <p>Immutable after construction and thread-safe for reads, as far as its column is.
 */
final class IdOrdinals {

    /** The ordinal of an empty slot; ordinals are stored as they are. */
    private static final int EMPTY = -1;

    private final ProductTable.Column ids;
    /**
     * Slot s is {@code table[2s]}, the hash, and {@code table[2s+1]}, the ordinal: side by side,
     * so a probe costs one cache miss, not two (the table of a million ids is 16 MB).
     */
    private final int[] table;
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
        this.table = new int[2 * capacity];
        this.mask = capacity - 1;
        this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (int slot = 0; slot < capacity; slot++) {
            table[2 * slot + 1] = EMPTY;
        }
        // Hashed from the column's bytes: decoding a million ids into Strings was most of the cost.
        ids.forEachUtf8((i, bytes, from, length) -> {
            int hash = hash(bytes, from, length);
            int slot = find(hash, other -> ids.get(other).equals(ids.get(i)));
            if (table[2 * slot + 1] != EMPTY) {
                throw new IllegalArgumentException("duplicate product id " + ids.get(i) + " (at ordinals " + table[2 * slot + 1] + " and " + i + ")");
            }
            table[2 * slot] = hash;
            table[2 * slot + 1] = i;
        });
    }

    /** The ordinal of {@code id}, or -1 if no product has it. */
    int ordinal(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return table[2 * find(hash(bytes, 0, bytes.length), other -> ids.get(other).equals(id)) + 1];
    }

    /** A polynomial hash of UTF-8 bytes, as {@link String#hashCode} is of chars. */
    private static int hash(byte[] bytes, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /**
     * The slot of the id of hash {@code hash} that {@code isId} accepts (it is given the ordinal of
     * a stored id of the same hash), or the empty slot where that id would go: ids are decoded
     * and compared only when their hashes are equal.
     */
    private int find(int hash, IntPredicate isId) {
        // Fibonacci hashing: the top bits of the product mix every bit of the hash, and the
        // hashes of numeric ids (consecutive strings) differ mostly in their low bits.
        int slot = (hash * 0x9E3779B9) >>> shift;
        while (table[2 * slot + 1] != EMPTY && (table[2 * slot] != hash || !isId.test(table[2 * slot + 1]))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
