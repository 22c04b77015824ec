package io.fashionrec.text;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.SparseVector;

/**
 * A fitted text model: turns any text into a sparse vector over its vocabulary.
 *
 * <p>Contract: {@link #transform} returns an L2-normalised vector (or the empty vector when the
 * text has no known term); term indices are positions in the model's sorted vocabulary.
 * Thread-safe.
 */
public interface TextModel {

    /** Name, version and analysis settings, written into the index. */
    EncoderDescriptor descriptor();

    /** The L2-normalised sparse vector of {@code text}. */
    SparseVector transform(String text);

    /** The number of terms in the vocabulary. */
    int vocabularySize();

    /** The term at {@code index} of the sorted vocabulary. */
    String term(int index);
}
