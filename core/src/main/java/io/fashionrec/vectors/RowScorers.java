package io.fashionrec.vectors;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.simd.DotProducts;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's view of a {@link FloatMatrix}: its rows as graph nodes {@code 0..rows-1}, scored by the
 * plain inner product. Lucene's own scorers read vectors one {@code float[]} per row; these read
 * the matrix in place, so a 200,000-row matrix is not copied row by row for every score.
 *
 * <p>Any score that grows with similarity serves the graph; the raw inner product also lets a
 * search return its scores as they are, with no transform to undo. Stateless and thread-safe: the
 * matrix is never written.
 */
final class RowScorers implements RandomVectorScorerSupplier {

    private final FloatMatrix matrix;
    private final DotProducts dot;

    RowScorers(FloatMatrix matrix, DotProducts dot) {
        this.matrix = matrix;
        this.dot = dot;
    }

    /** Scores every row against {@code query}, a vector of {@code matrix.cols()} floats. */
    RandomVectorScorer forQuery(float[] query) {
        return new QueryScorer(query);
    }

    /** Scores every row against row {@code ord}, as the graph builder asks when it inserts that row. */
    @Override
    public RandomVectorScorer scorer(int ord) {
        return new QueryScorer(matrix.row(ord));
    }

    /** The same instance: nothing here changes while scoring, so threads can share it. */
    @Override
    public RandomVectorScorerSupplier copy() {
        return this;
    }

    /** {@code query . row ord}, for a query of {@code matrix.cols()} floats. */
    float score(float[] query, int ord) {
        return dot.dot(query, matrix.data(), matrix.offset(ord));
    }

    private final class QueryScorer implements RandomVectorScorer {

        private final float[] query;

        QueryScorer(float[] query) {
            this.query = query;
        }

        @Override
        public float score(int node) {
            return RowScorers.this.score(query, node);
        }

        @Override
        public int maxOrd() {
            return matrix.rows();
        }
    }
}
