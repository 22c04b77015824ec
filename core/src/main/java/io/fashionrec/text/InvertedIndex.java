package io.fashionrec.text;

import io.fashionrec.feature.SparseMatrix;
import io.fashionrec.feature.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * Postings of a corpus of sparse rows, for scoring a query against every row at the cost of the
 * query's postings only (score-at-a-time), not of the corpus size.
 *
 * <p>Postings are stored flat, CSR-like: the postings of term {@code t} are positions
 * {@code start[t]} to {@code start[t+1]} of {@code docs} (ascending row numbers) and
 * {@code values}. Memory is 8 bytes per non-zero plus 4 per term.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvertedIndex {

    private final int documentCount;
    private final int[] start;
    private final int[] docs;
    private final float[] values;

    private InvertedIndex(int documentCount, int[] start, int[] docs, float[] values) {
        this.documentCount = documentCount;
        this.start = start;
        this.docs = docs;
        this.values = values;
    }

    /**
     * Indexes {@code rows}; row {@code i} is document {@code i}.
     *
     * @param vocabularySize the number of terms; every term index in the rows must be below it
     * @throws IllegalArgumentException if a row has a term index outside {@code [0, vocabularySize)}
     */
    public static InvertedIndex build(List<SparseVector> rows, int vocabularySize) {
        if (vocabularySize < 0) {
            throw new IllegalArgumentException("vocabularySize must be >= 0, got " + vocabularySize);
        }
        try {
            return build(SparseMatrix.of(vocabularySize, rows));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; build the index with the model that produced the rows", e);
        }
    }

    /** Indexes the rows of {@code rows} (row {@code i} is document {@code i}) over its {@code cols()} terms. */
    public static InvertedIndex build(SparseMatrix rows) {
        int vocabularySize = rows.cols();
        int[] start = new int[vocabularySize + 1];
        for (int p = 0; p < rows.nonZeros(); p++) {
            start[rows.index(p) + 1]++;
        }
        for (int t = 0; t < vocabularySize; t++) {
            start[t + 1] += start[t];
        }
        int[] docs = new int[start[vocabularySize]];
        float[] values = new float[docs.length];
        int[] next = Arrays.copyOf(start, vocabularySize);
        for (int d = 0; d < rows.rows(); d++) {
            for (int p = rows.rowStart(d), end = rows.rowStart(d + 1); p < end; p++) {
                int slot = next[rows.index(p)]++;
                docs[slot] = d;
                values[slot] = rows.value(p);
            }
        }
        return new InvertedIndex(rows.rows(), start, docs, values);
    }

    /**
     * Adds the dot product of {@code query} with every row to {@code scores} (in float, so a
     * caller may sum several blocks into one array): afterwards {@code scores[d]} has grown by
     * {@code query . row(d)}. Rows sharing no term with the query are untouched.
     *
     * @param scores one entry per document ({@link #documentCount()})
     * @throws IllegalArgumentException if {@code scores} has the wrong length or the query has a
     *                                  term index outside the vocabulary
     */
    public void accumulate(SparseVector query, float[] scores) {
        if (scores.length != documentCount) {
            throw new IllegalArgumentException("scores has " + scores.length + " entries but the index holds " + documentCount + " documents");
        }
        int[] terms = query.indices();
        float[] weights = query.values();
        for (int i = 0; i < terms.length; i++) {
            int term = terms[i];
            if (term < 0 || term >= vocabularySize()) {
                throw new IllegalArgumentException("query term index " + term + " is outside the vocabulary of " + vocabularySize()
                        + " terms; the query comes from a different model than the index");
            }
            float weight = weights[i];
            for (int p = start[term], end = start[term + 1]; p < end; p++) {
                scores[docs[p]] += weight * values[p];
            }
        }
    }

    /** The number of rows indexed. */
    public int documentCount() {
        return documentCount;
    }

    public int vocabularySize() {
        return start.length - 1;
    }

    /** The number of rows in which {@code term} is non-zero. */
    public int documentFrequency(int term) {
        return start[term + 1] - start[term];
    }
}
