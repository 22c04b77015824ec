package io.fashionrec.feature;

import java.util.List;
import java.util.Objects;

/**
 * A named part of an encoder's vector that fusion normalises and weighs on its own, e.g. the
 * classic image encoder's {@code shape} (HOG) and {@code colour} (histogram) parts. Without
 * segments, the part with more dimensions or larger values would silently dominate the cosine.
 *
 * @param name   a short stable name, e.g. {@code shape}; unique within one encoder
 * @param offset the first dimension of the segment
 * @param length the number of dimensions, at least 1
 * @param weight the segment's share of its modality's weight, in (0, 1]; an encoder's segment
 *               weights sum to 1
 */
public record VectorSegment(String name, int offset, int length, double weight) {

    public VectorSegment {
        Objects.requireNonNull(name, "name");
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("segment " + name + " needs offset >= 0 and length >= 1, got " + offset + "+" + length);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("segment " + name + " weight must be in (0, 1], got " + weight);
        }
    }

    /** One segment covering a whole vector of {@code dimension}, weight 1. */
    public static List<VectorSegment> whole(String name, int dimension) {
        return List.of(new VectorSegment(name, 0, dimension, 1.0));
    }

    /** Checks that segments tile {@code [0, dimension)} in order and that weights sum to 1. */
    public static List<VectorSegment> checkTiling(List<VectorSegment> segments, int dimension) {
        int next = 0;
        double sum = 0;
        for (VectorSegment s : segments) {
            if (s.offset != next) {
                throw new IllegalArgumentException("segment " + s.name + " starts at " + s.offset + ", expected " + next);
            }
            next += s.length;
            sum += s.weight;
        }
        if (next != dimension) {
            throw new IllegalArgumentException("segments cover " + next + " dimensions, the vector has " + dimension);
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("segment weights sum to " + sum + ", expected 1");
        }
        return List.copyOf(segments);
    }
}
