package io.fashionrec.index.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tiny graph that {@code src/test/resources/index-format/graph-v1/} holds, and the generator
 * of that directory: 6 nodes on level 0, nodes 1, 3 and 4 on level 1, node 3 alone on level 2
 * (the entry), M = 2. Generate a new directory only together with a version bump of
 * {@link GraphFormat}; the README there says how.
 */
final class ReferenceGraph {

    static final int MAX_CONNECTIONS = 2;
    static final int ENTRY = 3;
    /** {@code NEIGHBOURS[level][node]}, null where the node is not on the level. */
    static final int[][][] NEIGHBOURS = {
        {{1, 2}, {0, 3, 2}, {1, 0}, {4, 1, 5}, {3, 5}, {4, 3}},
        {null, {3, 4}, null, {1, 4}, {3}, null},
        {null, null, null, {}, null, null},
    };

    private ReferenceGraph() {
    }

    static ArrayGraph graph() {
        return new ArrayGraph(NEIGHBOURS, ENTRY);
    }

    /** Writes the reference graph as part "graph" of generation 1 of the empty (or absent) directory {@code dir}. */
    static Manifest write(Path dir) {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.addGraph("graph", graph(), MAX_CONNECTIONS);
            return writer.commit(JsonNodeFactory.instance.objectNode().put("purpose", "reference graph of the fashionrec graph format"));
        }
    }

    /** Writes the reference graph into the directory {@code args[0]}, which must not exist yet. */
    public static void main(String[] args) throws IOException {
        ReferenceDirectories.generate("ReferenceGraph", args, ReferenceGraph::write);
    }
}
