package io.fashionrec.vectors;

import java.util.function.IntPredicate;

/**
 * Top-k maximum-inner-product search over a fixed set of vectors (rows {@code 0..size()-1}).
 * With L2-normalised vectors and queries the inner product is the cosine. Implementations are
 * exact (every row scored) or approximate (a graph walk); both apply the filter while searching,
 * so a filtered search returns k hits whenever k rows pass the filter (approximate ones: as many
 * as their walk finds, which must be k whenever k pass, see their contract). Thread-safe for
 * searches once built.
 */
public interface VectorSearch {

    /** How many vectors are searched. */
    int size();

    /** Their dimension; queries must have exactly this length. */
    int dimension();

    /**
     * The {@code k} rows with the largest inner product with {@code query}, best first, ties by
     * lower row number.
     *
     * @param query  a vector of length {@link #dimension()}
     * @param k      at least 1; fewer hits come back when fewer rows pass the filter
     * @param accept which rows may be returned, or null for all
     * @throws IllegalArgumentException for a query of the wrong length or k below 1
     */
    Hits search(float[] query, int k, IntPredicate accept);

    /**
     * {@link #search} for each query, in order. Implementations may share work across the batch
     * (an exact scan reads each row once for all queries); the default searches one by one.
     */
    default Hits[] searchBatch(float[][] queries, int k, IntPredicate accept) {
        Hits[] out = new Hits[queries.length];
        for (int q = 0; q < queries.length; q++) {
            out[q] = search(queries[q], k, accept);
        }
        return out;
    }
}
