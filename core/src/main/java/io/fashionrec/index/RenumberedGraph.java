package io.fashionrec.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * A previous graph without the nodes a build drops (removed and changed products), as Lucene's
 * {@code InitializedHnswGraphBuilder.initGraph} reads a graph to start from: node lists and
 * neighbour lists skip every node whose new ordinal is -1. Ids stay the previous graph's; the same
 * ordinal map then renumbers them. Not thread-safe (it moves the wrapped graph's cursor).
 */
final class RenumberedGraph extends HnswGraph {

    private final HnswGraph previous;
    private final int[] newOrdinal;
    private final int kept;

    /** @param newOrdinal for each node of {@code previous}, its new ordinal, or -1 to drop it */
    RenumberedGraph(HnswGraph previous, int[] newOrdinal) {
        this.previous = previous;
        this.newOrdinal = newOrdinal;
        this.kept = (int) Arrays.stream(newOrdinal).filter(o -> o >= 0).count();
    }

    @Override
    public void seek(int level, int target) throws IOException {
        previous.seek(level, target);
    }

    @Override
    public int nextNeighbor() throws IOException {
        for (int n = previous.nextNeighbor(); n != DocIdSetIterator.NO_MORE_DOCS; n = previous.nextNeighbor()) {
            if (newOrdinal[n] >= 0) {
                return n;
            }
        }
        return DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int size() {
        return kept;
    }

    @Override
    public int numLevels() throws IOException {
        return previous.numLevels();
    }

    /** Unused by {@code initGraph}, which takes the first kept node of the top level it fills. */
    @Override
    public int entryNode() throws IOException {
        return previous.entryNode();
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) throws IOException {
        int[] nodes = Arrays.stream(NodesIterator.getSortedNodes(previous.getNodesOnLevel(level))).filter(n -> newOrdinal[n] >= 0).toArray();
        return new ArrayNodesIterator(nodes, nodes.length);
    }
}
