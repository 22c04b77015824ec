package io.fashionrec.index;

import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.simd.DotProducts;
import io.fashionrec.simd.DotProductsProvider;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's view of the products' dense fused segments as graph nodes {@code 0..n-1}: the score of
 * a query against product {@code j} is {@code sum over dense segments s of w_s (q_s . row_s(j))},
 * with {@code w_s} the segment's effective weight under the given fusion weights and only the
 * segments both sides have. That is the dense part of the fused score's numerator — the inner
 * product of the two products' dense segments each scaled by {@code sqrt(w_s)} — computed on the
 * index's own per-segment matrices, so no concatenated copy of them is made.
 *
 * <p>Stateless and thread-safe: the matrices are never written.
 */
public final class FusedDenseScorers implements RandomVectorScorerSupplier {

    private final FusedVectors vectors;
    private final float[] weights;
    private final DotProducts dot = DotProductsProvider.get();

    /** Scores of {@code vectors}' dense segments weighted as {@code weights} says. */
    public FusedDenseScorers(FusedVectors vectors, FusionWeights weights) {
        this.vectors = vectors;
        FusionLayout layout = vectors.layout();
        double[] w = layout.segmentWeights(weights);
        this.weights = new float[layout.size()];
        for (int s = 1; s < layout.size(); s++) {
            this.weights[s] = (float) w[s];
        }
    }

    /**
     * Scores every product against a query's dense segments: {@code dense[s]} for each dense
     * segment {@code s >= 1} it has (L2-normalised, the segment's dimension), null where it has none.
     */
    public RandomVectorScorer forQuery(float[][] dense) {
        return new QueryScorer(dense);
    }

    /** Scores every product against product {@code ord}, as the graph builder asks when it inserts it. */
    @Override
    public RandomVectorScorer scorer(int ord) {
        float[][] dense = new float[weights.length][];
        for (int s = 1; s < weights.length; s++) {
            if ((vectors.mask(ord) & (1 << s)) != 0) {
                dense[s] = vectors.dense(s).row(ord);
            }
        }
        return forQuery(dense);
    }

    /** The same instance: nothing here changes while scoring, so threads can share it. */
    @Override
    public RandomVectorScorerSupplier copy() {
        return this;
    }

    private final class QueryScorer implements RandomVectorScorer {

        private final float[][] query;

        QueryScorer(float[][] query) {
            this.query = query;
        }

        @Override
        public float score(int node) {
            int mask = vectors.mask(node);
            float sum = 0;
            for (int s = 1; s < query.length; s++) {
                if (query[s] != null && weights[s] != 0 && (mask & (1 << s)) != 0) {
                    sum += weights[s] * dot.dot(query[s], vectors.dense(s), node);
                }
            }
            return sum;
        }

        @Override
        public int maxOrd() {
            return vectors.size();
        }
    }
}
