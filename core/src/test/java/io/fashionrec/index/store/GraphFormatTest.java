package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph part: a graph Lucene built comes back with the same levels, neighbours and search
 * results; the committed reference graph of version 1 reads with its known contents and the writer
 * still produces it byte for byte; a damaged graph fails with one sentence. Reproduce a random
 * case with the seed in its message ({@code -Dfashionrec.graph.seed=...}).
 */
class GraphFormatTest {

    private static final long SEED = Long.getLong("fashionrec.graph.seed", 20_250_705L);
    private static final String REBUILD = ": the index is damaged, rebuild it with `fashionrec index`";
    private static final ReaderOptions STRUCTURAL_ONLY = new ReaderOptions(64, 0);

    @TempDir
    Path dir;

    static Path referenceGraphV1() {
        try {
            return Path.of(GraphFormatTest.class.getResource("/index-format/graph-v1/manifest.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLuceneGraphComesBackWithTheSameNeighboursAndSearchResults() throws IOException {
        Random random = new Random(SEED);
        String seed = " (seed " + SEED + ")";
        int n = 600;
        int dim = 12;
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectors.add(unit(random, dim));
        }
        RandomAccessVectorValues.Floats values = RandomAccessVectorValues.fromFloats(vectors, dim);
        RandomVectorScorerSupplier scorers = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
                VectorSimilarityFunction.DOT_PRODUCT, values);
        OnHeapHnswGraph built = HnswGraphBuilder.create(scorers, 6, 40, SEED, n).build(n);
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.addGraph("g", built, 6);
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
        try (IndexReader reader = IndexReader.open(dir)) {
            StoredGraph stored = reader.graph("g");
            assertTrue(built.numLevels() > 1, "the random graph should have upper levels" + seed);
            assertSameGraph(built, stored, seed);
            assertEquals(6, stored.maxConnections());
            for (int q = 0; q < 25; q++) {
                float[] query = unit(random, dim);
                ScoreDoc[] expected = search(values, query, built);
                ScoreDoc[] got = search(values, query, stored.copy());
                assertEquals(expected.length, got.length, "query " + q + seed);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i].doc, got[i].doc, "query " + q + " hit " + i + seed);
                    assertEquals(expected[i].score, got[i].score, "query " + q + " hit " + i + seed);
                }
            }
        }
    }

    @Test
    void copiesWalkIndependently() {
        ReferenceGraph.write(dir);
        try (IndexReader reader = IndexReader.open(dir)) {
            StoredGraph a = reader.graph("graph");
            StoredGraph b = a.copy();
            a.seek(0, 3);
            b.seek(1, 1);
            assertEquals(4, a.nextNeighbor());
            assertEquals(3, b.nextNeighbor());
            assertEquals(1, a.nextNeighbor());
            assertEquals(4, b.nextNeighbor());
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, b.nextNeighbor());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.seek(1, 2));
            assertTrue(e.getMessage().startsWith("node 2 is not on level 1 of the graph in "), e.getMessage());
        }
    }

    @Test
    void anEmptyGraphRoundTrips() {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.addGraph("g", new ArrayGraph(new int[][][] {{}}, 0), 4);
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
        try (IndexReader reader = IndexReader.open(dir)) {
            StoredGraph stored = reader.graph("g");
            assertEquals(0, stored.size());
            assertEquals(0, stored.numLevels());
        }
    }

    @Test
    void theReferenceGraphOfVersion1ReadsWithItsKnownContents() throws IOException {
        try (IndexReader reader = IndexReader.open(referenceGraphV1())) {
            reader.verifyChecksums();
            StoredGraph stored = reader.graph("graph");
            assertEquals(ReferenceGraph.MAX_CONNECTIONS, stored.maxConnections());
            assertSameGraph(ReferenceGraph.graph(), stored, "");
            assertEquals(ReferenceGraph.ENTRY, stored.entryNode());
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(referenceGraphV1().resolve("graph.1.graph"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6, bytes.getInt(GraphFormat.SIZE_OFFSET), "size at its documented offset");
        assertEquals(2, bytes.getInt(GraphFormat.MAX_CONNECTIONS_OFFSET), "M");
        assertEquals(3, bytes.getInt(GraphFormat.LEVELS_OFFSET), "levels");
        assertEquals(3, bytes.getInt(GraphFormat.ENTRY_OFFSET), "entry node");
        long level0 = CodecUtil.PAYLOAD_START + 8 * 3;
        assertEquals(level0, bytes.getLong(CodecUtil.PAYLOAD_START), "level 0 follows the level table");
        assertEquals(6, bytes.getInt((int) level0), "level 0 count");
        assertEquals(14, bytes.getInt((int) level0 + 4), "level 0 neighbour entries");
        assertEquals(level0 + GraphFormat.blockBytes(0, 6, 14), bytes.getLong(CodecUtil.PAYLOAD_START + 8), "level 1 follows level 0");
        int level1 = (int) bytes.getLong(CodecUtil.PAYLOAD_START + 8);
        assertArrayEquals(new int[] {3, 5, 1, 3, 4}, new int[] {bytes.getInt(level1), bytes.getInt(level1 + 4),
                bytes.getInt(level1 + 8), bytes.getInt(level1 + 12), bytes.getInt(level1 + 16)}, "level 1: count, edges, nodes 1 3 4");
    }

    @Test
    void theWriterStillProducesTheReferenceGraphByteForByte() throws IOException {
        ReferenceGraph.write(dir);
        for (String name : List.of("graph.1.graph", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(referenceGraphV1().resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
        }
    }

    @Test
    void aTruncatedGraphFailsWithOneSentence() throws IOException {
        Path file = copyReference().resolve("graph.1.graph");
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 20);
        }
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> IndexReader.open(dir));
        assertEquals(file + " is " + (size - 20) + " bytes but the manifest records " + size + REBUILD, e.getMessage());
    }

    @Test
    void aChangedByteFailsTheChecksum() throws IOException {
        Path file = copyReference().resolve("graph.1.graph");
        poke(file, 100, 0x7F);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> IndexReader.open(dir));
        assertTrue(e.getMessage().startsWith(file + " fails its checksum"), e.getMessage());
        assertTrue(e.getMessage().endsWith(REBUILD), e.getMessage());
    }

    @Test
    void structuralDamageIsNamedEvenWithoutTheChecksum() throws IOException {
        Path file = copyReference().resolve("graph.1.graph");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int level0 = (int) bytes.getLong(CodecUtil.PAYLOAD_START);
        int firstNeighbour = level0 + 8 + 4 * 7; // after count, edges and the 7 firsts of level 0
        poke(file, firstNeighbour, 99);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> IndexReader.open(dir, STRUCTURAL_ONLY));
        assertEquals(file + " has neighbour 99 at entry 0 of level 0, which is not a node of that level" + REBUILD, e.getMessage());

        poke(file, firstNeighbour, 1);
        poke(file, GraphFormat.ENTRY_OFFSET, 4);
        e = assertThrows(IndexFormatException.class, () -> IndexReader.open(dir, STRUCTURAL_ONLY));
        assertEquals(file + " names entry node 4, which is not on its top level 2" + REBUILD, e.getMessage());

        poke(file, GraphFormat.ENTRY_OFFSET, 3);
        poke(file, GraphFormat.LEVELS_OFFSET, 70);
        e = assertThrows(IndexFormatException.class, () -> IndexReader.open(dir, STRUCTURAL_ONLY));
        assertEquals(file + " declares an impossible graph of 6 nodes, M 2, 70 levels and entry node 3" + REBUILD, e.getMessage());
    }

    private Path copyReference() throws IOException {
        try (Stream<Path> files = Files.list(referenceGraphV1())) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static void poke(Path file, long offset, int value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
    }

    private static ScoreDoc[] search(RandomAccessVectorValues.Floats values, float[] query, HnswGraph graph) throws IOException {
        TopKnnCollector collector = new TopKnnCollector(10, Integer.MAX_VALUE);
        HnswGraphSearcher.search(DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(VectorSimilarityFunction.DOT_PRODUCT, values, query),
                collector, graph, null);
        return collector.topDocs().scoreDocs;
    }

    /** Same size, levels, entry node, node lists and neighbour lists (in order). */
    static void assertSameGraph(HnswGraph expected, HnswGraph got, String seed) throws IOException {
        assertEquals(expected.size(), got.size(), "size" + seed);
        assertEquals(expected.numLevels(), got.numLevels(), "levels" + seed);
        assertEquals(expected.entryNode(), got.entryNode(), "entry node" + seed);
        for (int level = 0; level < expected.numLevels(); level++) {
            int[] nodes = HnswGraph.NodesIterator.getSortedNodes(expected.getNodesOnLevel(level));
            assertArrayEquals(nodes, HnswGraph.NodesIterator.getSortedNodes(got.getNodesOnLevel(level)), "nodes of level " + level + seed);
            for (int node : nodes) {
                assertArrayEquals(neighbours(expected, level, node), neighbours(got, level, node),
                        "neighbours of node " + node + " on level " + level + seed);
            }
        }
    }

    static int[] neighbours(HnswGraph graph, int level, int node) throws IOException {
        graph.seek(level, node);
        List<Integer> out = new ArrayList<>();
        for (int n = graph.nextNeighbor(); n != DocIdSetIterator.NO_MORE_DOCS; n = graph.nextNeighbor()) {
            out.add(n);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
