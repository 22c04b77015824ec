package io.fashionrec.index;

import java.util.Locale;

/**
 * What a build did about the approximate-search graph.
 *
 * @param kind     none, built from scratch, or refreshed from the previous index's graph
 * @param inserted products inserted into the graph (all of them when built)
 * @param reused   products whose node and links came from the previous graph (0 unless refreshed)
 * @param seconds  the time the graph took
 * @param reason   why there is no graph, or why it was built from scratch although the previous
 *                 index had one; null when refreshed, or built with no previous graph to start from
 */
public record GraphBuild(Kind kind, int inserted, int reused, double seconds, String reason) {

    public enum Kind { NONE, BUILT, REFRESHED }

    static GraphBuild none(String reason) {
        return new GraphBuild(Kind.NONE, 0, 0, 0, reason);
    }

    /** Whether the index holds a graph. */
    public boolean hasGraph() {
        return kind != Kind.NONE;
    }

    /** One clause for a summary line, e.g. {@code graph refreshed in 0.4 s: 12 inserted, 300 reused}. */
    public String sentence() {
        return switch (kind) {
            case NONE -> "no graph (" + reason + ")";
            case BUILT -> String.format(Locale.ROOT, "graph built in %.1f s over %d products%s", seconds, inserted,
                    reason == null ? "" : " (" + reason + ")");
            case REFRESHED -> String.format(Locale.ROOT, "graph refreshed in %.1f s: %d inserted, %d reused", seconds, inserted, reused);
        };
    }
}
