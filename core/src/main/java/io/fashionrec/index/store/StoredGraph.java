package io.fashionrec.index.store;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * An HNSW graph read from the index (see {@link GraphFormat}), searched in place: neighbour lists
 * are read from the read-only memory map of the part file as a walk reaches them; only the node
 * lists of levels 1 and up (about one node in M) are on the heap. Lucene's
 * {@code HnswGraphSearcher} walks it like any {@link HnswGraph}.
 *
 * <p>Like every {@link HnswGraph}, an instance has a cursor ({@link #seek}, then
 * {@link #nextNeighbor}), so it is not thread-safe: give each thread or search its own
 * {@link #copy()}, which shares everything but the cursor and costs one small object.
 */
public final class StoredGraph extends HnswGraph {

    /** One level: its node count, its nodes (null on level 0: all of them), and where its firsts and neighbours start. */
    record Level(int count, int[] nodes, long firsts, long neighbours) {

        /** The position of {@code node} in the level's node list, or a negative number when it is not on the level. */
        int positionOf(int node) {
            return nodes == null ? (node < count ? node : -1) : Arrays.binarySearch(nodes, node);
        }

        boolean contains(int node) {
            return node >= 0 && positionOf(node) >= 0;
        }
    }

    private final Path file;
    private final MappedRegion region;
    private final int size;
    private final int maxConnections;
    private final int entryNode;
    private final Level[] levels;
    private long next;
    private long end;

    StoredGraph(Path file, MappedRegion region, int size, int maxConnections, int entryNode, Level[] levels) {
        this.file = file;
        this.region = region;
        this.size = size;
        this.maxConnections = maxConnections;
        this.entryNode = entryNode;
        this.levels = levels;
    }

    /** A graph over the same map with a cursor of its own. */
    public StoredGraph copy() {
        return new StoredGraph(file, region, size, maxConnections, entryNode, levels);
    }

    /** The M the graph was built with: at most M neighbours per node above level 0, 2M on it. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The part file this graph maps. */
    public Path file() {
        return file;
    }

    /**
     * Positions the cursor at {@code target}'s neighbours on {@code level}.
     *
     * @throws IllegalArgumentException if {@code target} is not on that level
     */
    @Override
    public void seek(int level, int target) {
        Level l = levels[level];
        int position = target < 0 ? -1 : l.positionOf(target);
        if (position < 0) {
            throw new IllegalArgumentException("node " + target + " is not on level " + level + " of the graph in " + file);
        }
        long at = l.firsts() + 4L * position;
        next = l.neighbours() + 4L * region.getInt(at);
        end = l.neighbours() + 4L * region.getInt(at + 4);
    }

    @Override
    public int nextNeighbor() {
        if (next >= end) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        int neighbour = region.getInt(next);
        next += 4;
        return neighbour;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int numLevels() {
        return levels.length;
    }

    @Override
    public int entryNode() {
        return entryNode;
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
        Level l = levels[level];
        return l.nodes() == null ? new ArrayNodesIterator(l.count()) : new ArrayNodesIterator(l.nodes(), l.count());
    }

    @Override
    public String toString() {
        return "StoredGraph[" + size + " nodes, " + levels.length + " levels, M " + maxConnections + ", " + file + "]";
    }
}
