package io.fashionrec.recommend;

import java.util.List;

/**
 * A product recommended from a browsing history, with the history items it is closest to.
 *
 * @param result  the product and its profile scores: {@code score} is the recency-weighted mean of
 *                its fused similarity to each history item, each modality score the same mean over
 *                the items where that modality exists
 * @param closest history items by decreasing fused similarity to the product (at most
 *                {@link Recommender#CLOSEST_SHOWN}): the "because you viewed" explanation
 */
public record HistoryRecommendation(Recommendation result, List<Match> closest) {

    public HistoryRecommendation {
        closest = List.copyOf(closest);
    }

    /** One history item and the fused similarity of the recommended product to it. */
    public record Match(String id, double score) {
    }
}
