package io.fashionrec.recommend;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.index.FusedVectors;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.vectors.Hits;
import io.fashionrec.vectors.HnswVectorSearch;
import java.util.function.IntPredicate;

/**
 * The candidate generator of approximate search: an HNSW graph over each product's dense part of
 * the fused vector — the image segments and the alignment segments (the look its name implies,
 * the dense form of its text) — each scaled by the square root of its default weight, so the
 * graph's inner product is the dense part of the fused score's numerator. Candidates found there
 * are then scored exactly, text included, by the {@link Recommender}.
 *
 * <p>The sparse TF-IDF block is not in the graph: a product alike only by rare words and not by
 * look or implied look can be missed, which is why candidates are many times k and the exact
 * re-ranking decides. Built in memory (seconds per ten thousand products on 2 cores); immutable
 * and thread-safe afterwards.
 */
final class CandidateGraph {

    private final FusedVectors vectors;
    private final int[] offsets;
    private final float[] scale;
    private final int dimension;
    private final HnswVectorSearch graph;

    CandidateGraph(ProductIndex index) {
        this.vectors = index.vectors();
        FusionLayout layout = vectors.layout();
        double[] w = layout.segmentWeights(index.defaultWeights());
        offsets = new int[layout.size()];
        scale = new float[layout.size()];
        int d = 0;
        for (int s = 1; s < layout.size(); s++) {
            offsets[s] = d;
            scale[s] = (float) Math.sqrt(w[s]);
            d += layout.get(s).dimension();
        }
        this.dimension = d;
        int n = vectors.size();
        float[] data = new float[Math.multiplyExact(n, d)];
        for (int j = 0; j < n; j++) {
            float[][] dense = new float[layout.size()][];
            for (int s = 1; s < layout.size(); s++) {
                if ((vectors.mask(j) & (1 << s)) != 0) {
                    dense[s] = vectors.dense(s).row(j);
                }
            }
            place(dense, data, j * d);
        }
        this.graph = HnswVectorSearch.builder(new FloatMatrix(n, d, data)).build();
    }

    /** The product's or query's dense segments (null where absent) as one graph vector. */
    private void place(float[][] dense, float[] out, int at) {
        for (int s = 1; s < dense.length; s++) {
            if (dense[s] != null) {
                for (int i = 0; i < dense[s].length; i++) {
                    out[at + offsets[s] + i] = scale[s] * dense[s][i];
                }
            }
        }
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
        float[] q = new float[dimension];
        place(query.dense(), q, 0);
        Hits hits = graph.search(q, count, accept);
        return hits.ordinals();
    }
}
