package io.fashionrec.text;

import java.util.List;

/**
 * Learns a text model from a corpus: for TF-IDF, the vocabulary and the inverse document
 * frequencies. Fitting is deterministic: the same documents in the same order give the same model.
 */
public interface TextVectorizer {

    /** Fits on {@code documents} (one per product, possibly empty strings). */
    TextModel fit(List<String> documents);
}
