package io.fashionrec.index;

import io.fashionrec.fusion.FusedSegment;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.index.store.StoredGraph;
import io.fashionrec.vectors.GraphSearch;
import io.fashionrec.vectors.Hits;
import io.fashionrec.vectors.HnswVectorSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * The approximate-search graph of an index: an HNSW graph whose node {@code j} is product
 * {@code j}, linked by the score of {@link FusedDenseScorers} under the weights it was built for,
 * either in memory (just built) or mapped from the index's {@code graph} part. It knows what it
 * was built for ({@link Basis}), so a reader can tell whether it still fits the index's vectors.
 *
 * <p>Immutable and thread-safe: each search walks a graph of its own (a mapped graph is copied,
 * an in-memory one is read without its cursor).
 */
public final class ProductGraph {

    /** Neighbours per node above level 0 (twice as many on it): the in-memory search's default. */
    public static final int MAX_CONNECTIONS = HnswVectorSearch.DEFAULT_MAX_CONNECTIONS;
    /** Candidates kept while inserting a product. */
    public static final int BEAM_WIDTH = HnswVectorSearch.DEFAULT_BEAM_WIDTH;
    /** Candidates kept while searching. */
    public static final int EF_SEARCH = HnswVectorSearch.DEFAULT_EF_SEARCH;
    /** The seed of the random levels of a sequential build. */
    static final long SEED = 42;

    /**
     * What a graph was built for: its scores depend on each dense segment's dimension and share
     * and on the fusion weights, its nodes on the product count.
     *
     * @param products       the nodes
     * @param segments       the dense segments of the fusion layout (text excluded), in order
     * @param weights        the fusion weights the segments were scored with
     * @param maxConnections M
     * @param beamWidth      candidates kept per insertion
     */
    public record Basis(int products, List<FusedSegment> segments, FusionWeights weights, int maxConnections, int beamWidth) {

        public Basis {
            segments = List.copyOf(segments);
            Objects.requireNonNull(weights, "weights");
        }

        /** The basis of a graph over {@code vectors} scored with {@code weights}, with the default M and beam width. */
        public static Basis of(FusedVectors vectors, FusionWeights weights) {
            return new Basis(vectors.size(), denseSegments(vectors.layout()), weights, MAX_CONNECTIONS, BEAM_WIDTH);
        }

        /**
         * Why a graph of this basis does not serve approximate search over {@code vectors} with
         * {@code weights} (one clause, for a log line), or null when it does.
         */
        public String mismatch(FusedVectors vectors, FusionWeights weights) {
            if (products != vectors.size()) {
                return "its graph has " + products + " products where the index has " + vectors.size();
            }
            return scoringMismatch(vectors.layout(), weights);
        }

        /** Why this graph's links do not follow the scores of {@code layout} and {@code weights}, or null when they do. */
        String scoringMismatch(FusionLayout layout, FusionWeights weights) {
            if (!segments.equals(denseSegments(layout))) {
                return "its graph was built for the segments " + keys(segments) + ", the index has " + keys(denseSegments(layout));
            }
            if (!this.weights.equals(weights)) {
                return "its graph was built for the weights " + this.weights + ", the index's are " + weights;
            }
            return null;
        }

        private static List<String> keys(List<FusedSegment> segments) {
            return segments.stream().map(s -> s.key() + "/" + s.dimension()).toList();
        }
    }

    private final HnswGraph graph;
    private final Basis basis;
    private final GraphSearch.Walk walk;

    /** A graph just built in memory. */
    ProductGraph(OnHeapHnswGraph graph, Basis basis) {
        this.graph = graph;
        this.basis = basis;
        this.walk = GraphSearch.over(graph);
    }

    /** A graph mapped from an index. */
    ProductGraph(StoredGraph graph, Basis basis) {
        this.graph = graph;
        this.basis = basis;
        this.walk = GraphSearch.over(graph::copy);
    }

    /** The graph itself; an in-memory graph's or a mapped one's cursor: read it from one thread. */
    public HnswGraph graph() {
        return graph;
    }

    public Basis basis() {
        return basis;
    }

    /** Whether the graph is mapped from an index part (rather than built in this process). */
    public boolean isStored() {
        return graph instanceof StoredGraph;
    }

    /** The graph of a previous index as a starting point: a fresh copy of a mapped graph, the graph itself otherwise. */
    HnswGraph startingPoint() {
        return graph instanceof StoredGraph stored ? stored.copy() : graph;
    }

    /**
     * The best {@code k} products for {@code scorer} (from {@link FusedDenseScorers} over the
     * index's vectors) among those {@code accept} passes, as {@link GraphSearch#search} finds them.
     */
    public Hits search(RandomVectorScorer scorer, int k, IntPredicate accept) {
        return GraphSearch.search(walk, scorer, graph.size(), k, EF_SEARCH, accept);
    }

    /** The dense floats {@code vectors} stores (products x the dense segments' dimensions): what {@code auto} search decides by. */
    public static long denseFloats(FusedVectors vectors) {
        long floats = 0;
        for (FusedSegment s : denseSegments(vectors.layout())) {
            floats += (long) vectors.size() * s.dimension();
        }
        return floats;
    }

    private static List<FusedSegment> denseSegments(FusionLayout layout) {
        List<FusedSegment> out = new ArrayList<>();
        for (int s = 1; s < layout.size(); s++) {
            out.add(layout.get(s));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ProductGraph[" + graph.size() + " products, " + (isStored() ? "mapped" : "in memory") + "]";
    }
}
