package io.fashionrec.index;

import io.fashionrec.vectors.EnumLabels;
import io.fashionrec.vectors.SearchKind;

/** Whether a build writes the approximate-search graph into the index. */
public enum GraphPolicy {
    /** When the index is large enough that {@link SearchKind#AUTO} searches approximately. */
    AUTO,
    /** Always (for an index served with {@code --search approximate}). */
    ALWAYS,
    /** Never: approximate search then builds the graph in memory at every load. */
    NEVER;

    /** Whether a build of {@code vectors} writes a graph under this policy. */
    public boolean wants(FusedVectors vectors) {
        return vectors.size() > 0 && switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> SearchKind.AUTO.resolve(ProductGraph.denseFloats(vectors), 1) == SearchKind.APPROXIMATE;
        };
    }

    /** {@code auto}, {@code always} or {@code never}, as users write it. */
    public String label() {
        return EnumLabels.label(this);
    }

    /** Parses a label, ignoring case; an unknown one is an IllegalArgumentException listing the three. */
    public static GraphPolicy parse(String label) {
        return EnumLabels.parse(GraphPolicy.class, label, "graph policy");
    }
}
