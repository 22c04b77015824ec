package io.fashionrec.recommend;

/**
 * One recommended product with its score and the score of each modality.
 *
 * @param ordinal   the product's position in the index
 * @param id        the product id
 * @param name      the product name
 * @param score     the fused score (cosine of fused vectors by default)
 * @param image     the cosine of the image vectors, NaN when either side has no usable photo
 * @param text      the cosine of the TF-IDF vectors, NaN when either side has no known term
 * @param alignment the cosine of the appearance the two names imply, NaN when absent
 */
public record Recommendation(int ordinal, String id, String name, double score, double image, double text, double alignment) {
}
