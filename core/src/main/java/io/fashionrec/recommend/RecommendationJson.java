package io.fashionrec.recommend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Recommendation}, shared by the {@code --json} commands and the HTTP
 * API so that both speak the same fields: {@code id, score, image, text, alignment, name}, and
 * {@code closest} for recommendations from a history.
 */
public final class RecommendationJson {

    private RecommendationJson() {
    }

    /** Writes the recommendation's fields into {@code node} and returns it. */
    public static ObjectNode write(Recommendation r, ObjectNode node) {
        node.put("id", r.id());
        putScore(node, "score", r.score());
        putScore(node, "image", r.image());
        putScore(node, "text", r.text());
        putScore(node, "alignment", r.alignment());
        node.put("name", r.name());
        return node;
    }

    /** Writes the history items a "recommended for you" result is closest to: {@code closest: [{id, score}]}. */
    public static ObjectNode writeClosest(HistoryRecommendation h, ObjectNode node) {
        ArrayNode closest = node.putArray("closest");
        for (HistoryRecommendation.Match m : h.closest()) {
            putScore(closest.addObject().put("id", m.id()), "score", m.score());
        }
        return node;
    }

    /** Scores are rounded to 6 decimals; a score that does not exist (NaN) is null. */
    public static void putScore(ObjectNode node, String field, double score) {
        if (Double.isNaN(score)) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(score * 1e6) / 1e6);
        }
    }
}
