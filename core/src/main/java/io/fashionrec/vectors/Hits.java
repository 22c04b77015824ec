package io.fashionrec.vectors;

import java.util.Arrays;

/**
 * The result of one search: row numbers and their inner products, best first.
 *
 * @param ordinals the rows found
 * @param scores   their inner products with the query, same order, non-increasing
 */
public record Hits(int[] ordinals, float[] scores) {

    public Hits {
        if (ordinals.length != scores.length) {
            throw new IllegalArgumentException(ordinals.length + " ordinals but " + scores.length + " scores");
        }
    }

    public int size() {
        return ordinals.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hits h && Arrays.equals(ordinals, h.ordinals) && Arrays.equals(scores, h.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ordinals) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "Hits" + Arrays.toString(ordinals) + Arrays.toString(scores);
    }
}
