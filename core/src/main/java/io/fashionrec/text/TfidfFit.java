package io.fashionrec.text;

import io.fashionrec.feature.SparseVector;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link TfidfVectorizer#fitTransform}: the fitted model and the corpus's rows.
 *
 * @param model the fitted model
 * @param rows  one L2-normalised row per document, in document order (unmodifiable); a document
 *              without any kept term has {@link SparseVector#EMPTY}
 */
public record TfidfFit(TfidfModel model, List<SparseVector> rows) {

    public TfidfFit {
        Objects.requireNonNull(model, "model");
        rows = List.copyOf(rows);
    }
}
