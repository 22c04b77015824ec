package io.fashionrec.index.store;

import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * A fixed graph for tests: {@code neighbours[level][node]} is node {@code node}'s neighbour list on
 * {@code level}, or null when the node is not on that level. Level 0 must list every node.
 */
final class ArrayGraph extends HnswGraph {

    private final int[][][] neighbours;
    private final int entryNode;
    private int[] current;
    private int next;

    ArrayGraph(int[][][] neighbours, int entryNode) {
        this.neighbours = neighbours;
        this.entryNode = entryNode;
    }

    @Override
    public void seek(int level, int target) {
        current = neighbours[level][target];
        next = 0;
    }

    @Override
    public int nextNeighbor() {
        return next < current.length ? current[next++] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int size() {
        return neighbours[0].length;
    }

    @Override
    public int numLevels() {
        return neighbours.length;
    }

    @Override
    public int entryNode() {
        return entryNode;
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
        int[] nodes = java.util.stream.IntStream.range(0, neighbours[level].length).filter(n -> neighbours[level][n] != null).toArray();
        return new ArrayNodesIterator(nodes, nodes.length);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(neighbours);
    }
}
