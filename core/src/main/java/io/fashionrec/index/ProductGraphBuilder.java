package io.fashionrec.index;

import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.vectors.GraphSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.InitializedHnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * Builds the approximate-search graph of an index: from scratch, or refreshed from the graph of
 * the index a build replaces.
 *
 * <p>A refresh starts from the previous graph with every unchanged product renumbered to its new
 * ordinal and the removed and changed products' nodes dropped (with the links to them), then
 * inserts the added and changed products as a full build inserts every one. It needs the previous
 * graph to have been built for the same dense segments and weights, and product fingerprints on
 * both sides (to tell changed products from unchanged ones). Unchanged products keep their links
 * although the build refits the alignment, which moves their alignment segments a little: the
 * links were chosen among near neighbours and stay among them, and candidates are re-scored exactly.
 */
public final class ProductGraphBuilder {

    /**
     * Above this share of the previous graph's nodes dropped (removed or changed), the graph is
     * rebuilt from scratch. Each dropped node takes its links with it: past a fifth, the kept
     * nodes have lost a fifth of their links on average (only those near an insertion get new
     * ones), walks start to miss regions, and inserting a fifth of the catalog already costs about
     * a fifth of a full build, so the saving no longer pays for the weaker graph.
     */
    public static final double MAX_DROPPED_SHARE = 0.2;

    private ProductGraphBuilder() {
    }

    /** A graph over every product of {@code vectors}, scored with {@code weights}, built on {@code threads} threads. */
    public static ProductGraph build(FusedVectors vectors, FusionWeights weights, int threads) {
        ProductGraph.Basis basis = ProductGraph.Basis.of(vectors, weights);
        OnHeapHnswGraph graph = GraphSearch.build(new FusedDenseScorers(vectors, weights), vectors.size(), basis.maxConnections(),
                basis.beamWidth(), ProductGraph.SEED, threads, null, null);
        return new ProductGraph(graph, basis);
    }

    /** A graph and what building it did. */
    public record Outcome(ProductGraph graph, GraphBuild build) {
    }

    /**
     * The graph of {@code vectors}: refreshed from {@code previous} when it can be (see the class
     * comment), built from scratch otherwise, saying why.
     *
     * @param previous      the graph of the index replaced, or null
     * @param previousOrdinal for each product of {@code vectors}, its ordinal in the previous index
     *                      when it is there unchanged, else -1; null when changes are not known
     * @param limits        checked with the number of products to insert before the graph is touched
     * @throws BuildTooLargeException when the products to insert are more than {@code limits} allow
     */
    static Outcome buildOrRefresh(FusedVectors vectors, FusionWeights weights, int threads, ProductGraph previous,
                                  int[] previousOrdinal, BuildLimits limits) {
        long start = System.nanoTime();
        int n = vectors.size();
        String why = previous == null ? null : whyNotRefresh(vectors, weights, previous, previousOrdinal);
        if (previous == null || why != null) {
            limits.checkGraphInserts(n, true);
            ProductGraph graph = build(vectors, weights, threads);
            return new Outcome(graph, new GraphBuild(GraphBuild.Kind.BUILT, n, 0, seconds(start), why));
        }
        int[] newOrdinal = new int[previous.basis().products()];
        Arrays.fill(newOrdinal, -1);
        FixedBitSet kept = new FixedBitSet(Math.max(1, n));
        int reused = 0;
        for (int i = 0; i < n; i++) {
            if (previousOrdinal[i] >= 0) {
                newOrdinal[previousOrdinal[i]] = i;
                kept.set(i);
                reused++;
            }
        }
        limits.checkGraphInserts(n - reused, false);
        ProductGraph.Basis basis = ProductGraph.Basis.of(vectors, weights);
        try {
            OnHeapHnswGraph startingGraph = InitializedHnswGraphBuilder.initGraph(basis.maxConnections(),
                    new RenumberedGraph(previous.startingPoint(), newOrdinal), newOrdinal, n);
            OnHeapHnswGraph graph = GraphSearch.build(new FusedDenseScorers(vectors, weights), n, basis.maxConnections(),
                    basis.beamWidth(), ProductGraph.SEED, threads, startingGraph, kept);
            return new Outcome(new ProductGraph(graph, basis),
                    new GraphBuild(GraphBuild.Kind.REFRESHED, n - reused, reused, seconds(start), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code previous} cannot be refreshed into a graph of {@code vectors}, or null when it can. */
    private static String whyNotRefresh(FusedVectors vectors, FusionWeights weights, ProductGraph previous, int[] previousOrdinal) {
        String scoring = previous.basis().scoringMismatch(vectors.layout(), weights);
        if (scoring != null) {
            return "rebuilt: the previous " + scoring.replaceFirst("^its ", "");
        }
        if (previous.basis().maxConnections() != ProductGraph.MAX_CONNECTIONS || previous.basis().beamWidth() != ProductGraph.BEAM_WIDTH) {
            return "rebuilt: the previous graph was built with M " + previous.basis().maxConnections() + " and beam width "
                    + previous.basis().beamWidth();
        }
        if (previousOrdinal == null) {
            return "rebuilt: the previous index records no product fingerprints, so changed products are not known";
        }
        int before = previous.basis().products();
        long kept = Arrays.stream(previousOrdinal).filter(o -> o >= 0).count();
        double dropped = before == 0 ? 1 : (before - kept) / (double) before;
        if (dropped > MAX_DROPPED_SHARE) {
            return String.format(Locale.ROOT, "rebuilt: %.0f%% of the previous graph's products were removed or changed, above %.0f%%",
                    100 * dropped, 100 * MAX_DROPPED_SHARE);
        }
        return null;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
