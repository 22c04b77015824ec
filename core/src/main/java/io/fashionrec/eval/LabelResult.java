package io.fashionrec.eval;

/**
 * The quality of one configuration for one label.
 *
 * @param modality  the configuration's name ({@code text}, {@code image}, {@code fused}, ...)
 * @param weights   its weights, as {@code text=.. image=.. alignment=..}
 * @param label     the attribute scored against, e.g. {@code articleType}
 * @param precision leave-one-out precision@k: per product, the share of its k nearest other
 *                  products with the same label value, averaged over products that have a value
 * @param ndcg      nDCG@k with binary relevance (same value); 0 for a product whose value no
 *                  other product shares
 * @param products  how many products were scored (those with a value for the label)
 */
public record LabelResult(String modality, String weights, String label, double precision, double ndcg, int products) {
}
