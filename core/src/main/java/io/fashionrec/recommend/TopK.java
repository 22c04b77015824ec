package io.fashionrec.recommend;

import java.util.Arrays;

/**
 * The k best (score, ordinal) pairs seen so far. Order: higher score first, then lower ordinal,
 * so results are deterministic when scores tie. Not thread-safe.
 */
public final class TopK {

    private final int k;
    private final double[] scores;
    private final int[] ordinals;
    private int size;

    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.scores = new double[k];
        this.ordinals = new int[k];
    }

    /** True if (score, ordinal) would enter the top k. */
    public boolean accepts(double score, int ordinal) {
        return size < k || better(score, ordinal, scores[size - 1], ordinals[size - 1]);
    }

    public void offer(double score, int ordinal) {
        if (!accepts(score, ordinal)) {
            return;
        }
        int i = size < k ? size++ : k - 1;
        // insertion sort: k is small (tens), and most offers are rejected by accepts()
        while (i > 0 && better(score, ordinal, scores[i - 1], ordinals[i - 1])) {
            scores[i] = scores[i - 1];
            ordinals[i] = ordinals[i - 1];
            i--;
        }
        scores[i] = score;
        ordinals[i] = ordinal;
    }

    private static boolean better(double s, int o, double s2, int o2) {
        return s > s2 || (s == s2 && o < o2);
    }

    public int size() {
        return size;
    }

    /** The ordinals, best first. */
    public int[] ordinals() {
        return Arrays.copyOf(ordinals, size);
    }

    public double score(int rank) {
        return scores[rank];
    }
}
