package io.fashionrec.index.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * Graph file format, version 1: a navigable small-world graph in levels (HNSW), as Lucene's
 * {@link HnswGraph} describes one, laid out so that it is searched in place from a memory map.
 *
 * <p>Bytes on disk (little-endian; offsets in bytes):
 * <pre>
 * offset     type            value
 * 0          header          {@link CodecUtil} header: magic, codec "FashionrecGraph", version 1 (24 bytes)
 * 24         int32           size, the number of nodes, &gt;= 0; the nodes are 0 .. size-1
 * 28         int32           M, the graph's maxConnections, &gt;= 1 (a node has at most 2M neighbours)
 * 32         int32           levels, &gt;= 1 when size &gt; 0, else 0
 * 36         int32           entry node, on the top level (0 when size is 0)
 * 40         zeros           padding up to offset 64
 * 64         int64[levels]   start[L], the file offset of level L's block, in level order
 * start[L]   level block:
 *   +0       int32           count, the nodes on level L (level 0 holds all size nodes)
 *   +4       int32           edges, the neighbour entries of the level
 *   +8       int32[count]    the level's nodes, strictly increasing, each also on level L-1;
 *                            omitted on level 0, whose nodes are 0 .. size-1
 *   then     int32[count+1]  first[i]: the neighbours of the i-th node are entries
 *                            first[i] .. first[i+1]-1; first[0] = 0, first[count] = edges
 *   then     int32[edges]    the neighbours, node ids on level L, in the order the graph gave them
 * after the last block       {@link CodecUtil} footer (16 bytes)
 * </pre>
 * The blocks follow one another without gaps, so every value is 4-byte aligned.
 */
public final class GraphFormat {

    public static final String CODEC = "FashionrecGraph";
    public static final int VERSION = 1;

    static final int SIZE_OFFSET = 24;
    static final int MAX_CONNECTIONS_OFFSET = 28;
    static final int LEVELS_OFFSET = 32;
    static final int ENTRY_OFFSET = 36;
    static final int FIELDS_END = 40;

    private GraphFormat() {
    }

    /**
     * Writes {@code graph}, traversing it three times (edge counts, first entries, neighbours),
     * so that its neighbour lists never need to be copied into memory.
     *
     * @throws IllegalArgumentException if {@code maxConnections < 1}, level 0 does not hold every
     *                                  node 0 .. size-1, a node has more than 2M neighbours, or a
     *                                  level has more than 2^31-1 neighbour entries
     */
    static void write(PartOutput out, String part, HnswGraph graph, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("graph part \"" + part + "\" needs maxConnections >= 1, got " + maxConnections);
        }
        try {
            int size = graph.size();
            int levels = size == 0 ? 0 : graph.numLevels();
            int[][] nodes = new int[levels][];
            int[] edges = new int[levels];
            for (int level = 0; level < levels; level++) {
                nodes[level] = HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
                edges[level] = countEdges(part, graph, level, nodes[level], size, maxConnections);
            }
            if (levels > 0 && (nodes[0].length != size || nodes[0][size - 1] != size - 1)) {
                throw new IllegalArgumentException("graph part \"" + part + "\": level 0 must hold every node 0 .. " + (size - 1)
                        + ", it holds " + nodes[0].length + " nodes");
            }
            CodecUtil.writeHeader(out, CODEC, VERSION);
            out.writeInt(size);
            out.writeInt(maxConnections);
            out.writeInt(levels);
            out.writeInt(levels == 0 ? 0 : graph.entryNode());
            CodecUtil.padToPayload(out);
            long start = CodecUtil.PAYLOAD_START + 8L * levels;
            for (int level = 0; level < levels; level++) {
                out.writeLong(start);
                start += blockBytes(level, nodes[level].length, edges[level]);
            }
            for (int level = 0; level < levels; level++) {
                writeLevel(out, graph, level, nodes[level], edges[level]);
            }
        } catch (IOException e) {
            // Lucene declares IOException for graphs read from files; ours are in memory or mapped.
            throw new UncheckedIOException(e);
        }
    }

    private static int countEdges(String part, HnswGraph graph, int level, int[] nodes, int size, int maxConnections)
            throws IOException {
        long edges = 0;
        for (int node : nodes) {
            graph.seek(level, node);
            int count = 0;
            for (int neighbour = graph.nextNeighbor(); neighbour != DocIdSetIterator.NO_MORE_DOCS; neighbour = graph.nextNeighbor()) {
                if (neighbour < 0 || neighbour >= size) {
                    throw new IllegalArgumentException("graph part \"" + part + "\": node " + node + " on level " + level
                            + " has neighbour " + neighbour + ", outside 0 .. " + (size - 1));
                }
                count++;
            }
            if (count > 2L * maxConnections) {
                throw new IllegalArgumentException("graph part \"" + part + "\": node " + node + " on level " + level + " has "
                        + count + " neighbours, more than 2 x maxConnections " + maxConnections);
            }
            edges += count;
        }
        if (edges > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("graph part \"" + part + "\" has more than " + Integer.MAX_VALUE
                    + " neighbour entries on level " + level);
        }
        return (int) edges;
    }

    private static void writeLevel(PartOutput out, HnswGraph graph, int level, int[] nodes, int edges) throws IOException {
        out.writeInt(nodes.length);
        out.writeInt(edges);
        if (level > 0) {
            out.writeInts(nodes, 0, nodes.length);
        }
        int first = 0;
        out.writeInt(first);
        for (int node : nodes) {
            graph.seek(level, node);
            while (graph.nextNeighbor() != DocIdSetIterator.NO_MORE_DOCS) {
                first++;
            }
            out.writeInt(first);
        }
        for (int node : nodes) {
            graph.seek(level, node);
            for (int neighbour = graph.nextNeighbor(); neighbour != DocIdSetIterator.NO_MORE_DOCS; neighbour = graph.nextNeighbor()) {
                out.writeInt(neighbour);
            }
        }
    }

    /** The bytes of one level block: count and edges, the node list (not on level 0), the firsts, the neighbours. */
    static long blockBytes(int level, int count, int edges) {
        return 8L + (level == 0 ? 0 : 4L * count) + 4L * (count + 1L) + 4L * edges;
    }

    /**
     * Opens a graph whose header and footer {@link CodecUtil} has checked. Checks the structure:
     * the fields, the level table, each level's node list and first entries, and every neighbour
     * id (one pass over the neighbours); copies only the node lists of levels 1 and up to the heap.
     */
    static StoredGraph read(Path file, MappedRegion region) {
        int size = region.getInt(SIZE_OFFSET);
        int maxConnections = region.getInt(MAX_CONNECTIONS_OFFSET);
        int levels = region.getInt(LEVELS_OFFSET);
        int entry = region.getInt(ENTRY_OFFSET);
        if (size < 0 || maxConnections < 1 || levels < (size == 0 ? 0 : 1) || levels > (size == 0 ? 0 : 64)
                || entry < 0 || entry >= Math.max(1, size)) {
            throw IndexFormatException.damaged(file, "declares an impossible graph of " + size + " nodes, M " + maxConnections
                    + ", " + levels + " levels and entry node " + entry);
        }
        CodecUtil.checkPadding(file, region, FIELDS_END);
        long end = region.length() - CodecUtil.FOOTER_LENGTH;
        long expectedStart = CodecUtil.PAYLOAD_START + 8L * levels;
        StoredGraph.Level[] table = new StoredGraph.Level[levels];
        int[] below = null;
        for (int level = 0; level < levels; level++) {
            long start = region.getLong(CodecUtil.PAYLOAD_START + 8L * level);
            if (start != expectedStart || start + 8 > end) {
                throw IndexFormatException.damaged(file, "has level " + level + " at offset " + start + " where " + expectedStart
                        + " follows the previous level, within " + end + " bytes");
            }
            int count = region.getInt(start);
            int edges = region.getInt(start + 4);
            if (count < 1 || count > size || (level == 0 && count != size) || edges < 0
                    || start + blockBytes(level, count, edges) > end) {
                throw IndexFormatException.damaged(file, "declares " + count + " nodes and " + edges + " neighbour entries on level "
                        + level + ", which do not fit a graph of " + size + " nodes in " + end + " bytes");
            }
            int[] nodes = level == 0 ? null : nodeList(file, region, start + 8, count, level, below, size);
            long firsts = start + 8 + (level == 0 ? 0 : 4L * count);
            long neighbours = firsts + 4L * (count + 1);
            checkNeighbours(file, region, level, nodes, count, edges, firsts, neighbours, size, maxConnections);
            table[level] = new StoredGraph.Level(count, nodes, firsts, neighbours);
            below = nodes;
            expectedStart = start + blockBytes(level, count, edges);
        }
        if (expectedStart != end) {
            throw IndexFormatException.damaged(file, "is " + region.length() + " bytes where its " + levels + " levels take "
                    + (expectedStart + CodecUtil.FOOTER_LENGTH));
        }
        if (levels > 0 && !table[levels - 1].contains(entry)) {
            throw IndexFormatException.damaged(file, "names entry node " + entry + ", which is not on its top level " + (levels - 1));
        }
        return new StoredGraph(file, region, size, maxConnections, entry, table);
    }

    /** Level {@code level}'s node list, checked increasing and within the level below ({@code below}, null for level 0: all nodes). */
    private static int[] nodeList(Path file, MappedRegion region, long at, int count, int level, int[] below, int size) {
        int[] nodes = new int[count];
        int previous = -1;
        int j = 0;
        for (int i = 0; i < count; i++) {
            int node = region.getInt(at + 4L * i);
            if (node <= previous || node >= size) {
                throw IndexFormatException.damaged(file, "lists node " + node + " at position " + i + " of level " + level
                        + " (node ids must increase and stay below " + size + ")");
            }
            if (below != null) {
                while (j < below.length && below[j] < node) {
                    j++;
                }
                if (j == below.length || below[j] != node) {
                    throw IndexFormatException.damaged(file, "lists node " + node + " on level " + level + " but not on level " + (level - 1));
                }
            }
            nodes[i] = node;
            previous = node;
        }
        return nodes;
    }

    /** Checks level {@code level}'s first entries and that each neighbour is a node of the level ({@code nodes}, null: all). */
    private static void checkNeighbours(Path file, MappedRegion region, int level, int[] nodes, int count, int edges, long firsts,
                                        long neighbours, int size, int maxConnections) {
        int previous = region.getInt(firsts);
        if (previous != 0) {
            throw IndexFormatException.damaged(file, "has a first neighbour entry of " + previous + " instead of 0 on level " + level);
        }
        for (int i = 1; i <= count; i++) {
            int next = region.getInt(firsts + 4L * i);
            if (next < previous || next - previous > 2L * maxConnections || next > edges) {
                throw IndexFormatException.damaged(file, "has neighbour entries out of order at node position " + i + " of level " + level);
            }
            previous = next;
        }
        if (previous != edges) {
            throw IndexFormatException.damaged(file, "ends the neighbours of level " + level + " at entry " + previous + " instead of " + edges);
        }
        for (int e = 0; e < edges; e++) {
            int neighbour = region.getInt(neighbours + 4L * e);
            if (neighbour < 0 || neighbour >= size || (nodes != null && Arrays.binarySearch(nodes, neighbour) < 0)) {
                throw IndexFormatException.damaged(file, "has neighbour " + neighbour + " at entry " + e + " of level " + level
                        + ", which is not a node of that level");
            }
        }
    }
}
