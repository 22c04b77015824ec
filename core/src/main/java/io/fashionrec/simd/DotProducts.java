package io.fashionrec.simd;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;

/**
 * Dot products of query vectors against every row of a {@link FloatMatrix}: the inner loop of
 * exact search. {@link DotProductsProvider#get()} gives the fastest implementation this JVM can
 * run.
 *
 * <p>Implementations are stateless and thread-safe. Results are float sums whose order of
 * addition is the implementation's own, so two implementations may differ in the last bits;
 * each is within a few float roundings of the exact product per term. Within one implementation
 * a row's product with a query is the same bits from {@link #all}, {@link #batch} and {@link #dot},
 * whatever else is in the batch: a search answered alone or batched with others gets the same
 * scores and breaks ties the same way.
 */
public interface DotProducts {

    /**
     * One query against every row: {@code out[j] = query . row j} for {@code j < matrix.rows()};
     * entries of {@code out} past the rows are left alone.
     *
     * @param query  a vector of exactly {@code matrix.cols()} floats
     * @param out    at least {@code matrix.rows()} floats
     * @throws IllegalArgumentException if a length is wrong
     */
    void all(float[] query, FloatMatrix matrix, float[] out);

    /**
     * Several queries in one pass over the matrix, so each row is read from memory once per batch
     * rather than once per query: {@code out[q][j] = queries[q] . row j}. A null query sets its
     * {@code out[q][0 .. rows)} to zeros (a product without that kind of vector).
     *
     * @param queries each null or a vector of exactly {@code matrix.cols()} floats
     * @param out     one array per query (at least {@code queries.length}), each of at least
     *                {@code matrix.rows()} floats
     * @throws IllegalArgumentException if a length is wrong
     */
    void batch(float[][] queries, FloatMatrix matrix, float[][] out);

    /**
     * One query against one row, {@code query . data[offset .. offset + query.length)}: for rows
     * scored one at a time at scattered places (a graph walk, candidates re-scored). The same bits
     * as {@link #all} gives for that row, so a score does not depend on how it was computed.
     *
     * @throws IndexOutOfBoundsException if a non-empty row runs past {@code data} (from the array
     *                                   accesses themselves: no check is added to this hot path)
     */
    float dot(float[] query, float[] data, int offset);

    /**
     * {@link #all(float[], FloatMatrix, float[])} over rows of any kind: a {@link FloatMatrix}
     * directly, others (memory-mapped rows) copied a cache-sized block at a time into a scratch
     * array that the array kernel then scans. The same bits as for a heap copy of the rows.
     */
    default void all(float[] query, DenseRows rows, float[] out) {
        if (rows instanceof FloatMatrix m) {
            all(query, m, out);
        } else {
            RowBlocks.all(this, query, rows, out);
        }
    }

    /** {@link #batch(float[][], FloatMatrix, float[][])} over rows of any kind, as {@link #all(float[], DenseRows, float[])} does. */
    default void batch(float[][] queries, DenseRows rows, float[][] out) {
        if (rows instanceof FloatMatrix m) {
            batch(queries, m, out);
        } else {
            RowBlocks.batch(this, queries, rows, out);
        }
    }

    /** One query against row {@code row} of rows of any kind: the same bits as {@link #all(float[], DenseRows, float[])} gives it. */
    default float dot(float[] query, DenseRows rows, int row) {
        if (rows instanceof FloatMatrix m) {
            return dot(query, m.data(), m.offset(row));
        }
        return RowBlocks.dot(this, query, rows, row);
    }

    /** A short name for logs and benchmarks, such as {@code "plain"}. */
    String name();
}
