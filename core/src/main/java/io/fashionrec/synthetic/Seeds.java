package io.fashionrec.synthetic;

import java.util.Random;

/**
 * Derives independent random streams from the catalog seed, so that each product's attributes
 * and drawing depend only on (seed, product index) and never on which thread made it or in which
 * order.
 */
final class Seeds {

    /** Stream of the article-type shuffle (one per catalog). */
    static final int MIX = 0;
    /** Stream of a product's attributes and name. */
    static final int ATTRIBUTES = 1;
    /** Stream of a product's drawing (jitter, shade, pattern geometry). */
    static final int DRAWING = 2;

    private Seeds() {
    }

    /** A {@link Random} for stream {@code stream} of product {@code index} of catalog {@code seed}. */
    static Random random(long seed, long index, int stream) {
        return new Random(mix(seed, index, stream));
    }

    /**
     * Hashes the three inputs into one well-spread 64-bit value (the SplitMix64 finaliser), so
     * neighbouring indices do not give the correlated first draws that raw {@code new Random(seed
     * + index)} would.
     */
    static long mix(long seed, long index, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
