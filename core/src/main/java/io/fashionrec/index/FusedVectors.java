package io.fashionrec.index;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.SparseMatrix;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.fusion.FusedSegment;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.text.InvertedIndex;
import java.util.List;

/**
 * Every product's vector, segment by segment, as the recommender scans them.
 *
 * <p>Contract: segment 0 of the layout is the sparse text segment ({@link #text}); every other
 * segment {@code s} is a dense {@code size x dimension} matrix ({@link #dense}) whose rows are
 * L2-normalised, or all zeros for products that lack the segment. Bit {@code s} of
 * {@link #mask} says whether a product has segment {@code s}.
 */
public final class FusedVectors {

    private final FusionLayout layout;
    private final SparseMatrix text;
    private final InvertedIndex textIndex;
    private final DenseRows[] dense;
    private final int[] masks;

    /**
     * @param dense one matrix per segment after the text one ({@code dense[0]} is null): heap
     *              matrices from a build, or the memory-mapped segments of an index read from disk
     */
    public FusedVectors(FusionLayout layout, List<SparseVector> text, int vocabularySize, DenseRows[] dense, int[] masks) {
        this(layout, SparseMatrix.of(vocabularySize, text), dense, masks);
    }

    /**
     * @param text  the text rows over the vocabulary ({@code text.cols()} terms)
     * @param dense as for the constructor above
     */
    public FusedVectors(FusionLayout layout, SparseMatrix text, DenseRows[] dense, int[] masks) {
        int n = text.rows();
        if (dense.length != layout.size() || dense[0] != null) {
            throw new IllegalArgumentException("need one dense matrix per segment after the text segment");
        }
        for (int s = 1; s < layout.size(); s++) {
            FusedSegment seg = layout.get(s);
            if (dense[s] == null || dense[s].rows() != n || dense[s].cols() != seg.dimension()) {
                throw new IllegalArgumentException("segment " + seg.key() + " needs a " + n + "x" + seg.dimension() + " matrix");
            }
        }
        if (masks.length != n) {
            throw new IllegalArgumentException("need " + n + " presence masks, got " + masks.length);
        }
        this.layout = layout;
        this.text = text;
        this.textIndex = InvertedIndex.build(text);
        this.dense = dense.clone();
        this.masks = masks.clone();
    }

    public FusionLayout layout() {
        return layout;
    }

    public int size() {
        return masks.length;
    }

    /** The text row of a product, as a new vector. */
    public SparseVector text(int ordinal) {
        return text.row(ordinal);
    }

    /** The text rows as a read-only list (each element made on access, as {@link #text} does). */
    public List<SparseVector> textRows() {
        return text.asList();
    }

    public InvertedIndex textIndex() {
        return textIndex;
    }

    /** The dense rows of segment {@code s >= 1}. */
    public DenseRows dense(int s) {
        return dense[s];
    }

    /** The presence mask of a product: bit s set when it has segment s. */
    public int mask(int ordinal) {
        return masks[ordinal];
    }
}
