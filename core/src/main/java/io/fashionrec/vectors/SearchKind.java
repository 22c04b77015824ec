package io.fashionrec.vectors;

/**
 * Which search answers: {@code exact} (every row scored), {@code approximate} (an HNSW walk) or
 * {@code auto}, which picks approximate once a scan of every row costs more than a walk.
 */
public enum SearchKind {
    EXACT, APPROXIMATE, AUTO;

    /**
     * Above this many stored floats (rows x dimension) {@code auto} walks a graph. Measured on 2
     * cores (BENCHMARKS.md, "Approximate search"): at 10,000 x 512 (5.1M floats) the exact scan
     * answered 1,965 queries/s and HNSW 1,398 at recall 0.991; from 20,000 x 512 (10.2M) on, HNSW
     * was 12 to 60 times faster at recall >= 0.99. The crossing lies near 15,000 x 512; a scan's
     * cost grows with rows x dimension, so the threshold is in floats.
     */
    public static final long AUTO_APPROXIMATE_ABOVE_FLOATS = 15_000L * 512;

    /** The kind {@code auto} stands for with {@code rows} vectors of {@code dimension} floats; other kinds are themselves. */
    public SearchKind resolve(long rows, int dimension) {
        if (this != AUTO) {
            return this;
        }
        return rows * dimension > AUTO_APPROXIMATE_ABOVE_FLOATS ? APPROXIMATE : EXACT;
    }

    /** {@code exact}, {@code approximate} or {@code auto}, as users write it. */
    public String label() {
        return EnumLabels.label(this);
    }

    /** Parses a label, ignoring case; an unknown one is an IllegalArgumentException listing the three. */
    public static SearchKind parse(String label) {
        return EnumLabels.parse(SearchKind.class, label, "search");
    }
}
