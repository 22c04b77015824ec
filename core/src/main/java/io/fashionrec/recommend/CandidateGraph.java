package io.fashionrec.recommend;

import io.fashionrec.index.FusedDenseScorers;
import io.fashionrec.index.ProductGraph;
import io.fashionrec.index.ProductGraphBuilder;
import io.fashionrec.index.ProductIndex;
import java.lang.System.Logger.Level;
import java.util.function.IntPredicate;

/**
 * The candidate generator of approximate search: the index's {@link ProductGraph} over each
 * product's dense part of the fused vector — the image segments and the alignment segments (the
 * look its name implies, the dense form of its text) — scored with the default weights, so the
 * graph's score is the dense part of the fused score's numerator. Candidates found there are then
 * scored exactly, text included, by the {@link Recommender}.
 *
 * <p>The graph is the one the index holds when it was built for the index's products, segments
 * and default weights; otherwise it is built here, in memory (seconds per ten thousand products on
 * 2 cores), and a log line says why. The sparse TF-IDF block is not in the graph: a product alike
 * only by rare words and not by look or implied look can be missed, which is why candidates are
 * many times k and the exact re-ranking decides. Immutable and thread-safe.
 */
final class CandidateGraph {

    private static final System.Logger LOG = System.getLogger(CandidateGraph.class.getName());

    private final FusedDenseScorers scorers;
    private final ProductGraph graph;

    CandidateGraph(ProductIndex index) {
        this.scorers = new FusedDenseScorers(index.vectors(), index.defaultWeights());
        ProductGraph stored = index.graph();
        String misfit = stored == null
                ? "the index holds none (`fashionrec index` writes one for indexes large enough for auto search, or with --graph always)"
                : stored.basis().mismatch(index.vectors(), index.defaultWeights());
        if (misfit == null) {
            this.graph = stored;
        } else {
            LOG.log(Level.INFO, "building the approximate-search graph over " + index.size() + " products in memory: " + misfit);
            this.graph = ProductGraphBuilder.build(index.vectors(), index.defaultWeights(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Whether the graph searched is the one the index holds (rather than one built at load). */
    boolean isStored() {
        return graph.isStored();
    }

    /** Whether the query has a dense segment at all; without one the graph cannot rank anything. */
    static boolean canSearch(QueryVectors query) {
        for (int s = 1; s < query.dense().length; s++) {
            if (query.dense()[s] != null) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code count} products whose dense part is closest to the query's, among those accepted. */
    int[] candidates(QueryVectors query, int count, IntPredicate accept) {
        return graph.search(scorers.forQuery(query.dense()), count, accept).ordinals();
    }
}
