package io.fashionrec.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.recommend.HistoryRecommendation;
import io.fashionrec.recommend.RecommendationJson;
import io.fashionrec.recommend.SearchOptions;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/recommend} with {@code {"history":[ids, oldest first], "k":10}}: products for
 * a shopper from the pages they visited, each with the history items it is closest to.
 */
final class RecommendRoute {

    static final int DEFAULT_K = 10;
    /** A history longer than this is refused: the profile only uses the newest items anyway. */
    static final int MAX_HISTORY = 200;

    private final LiveIndex live;
    private final SearchQueue searches;

    RecommendRoute(LiveIndex live, SearchQueue searches) {
        this.live = live;
        this.searches = searches;
    }

    void recommend(Context ctx) {
        ServedIndex served = live.current();
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body must be JSON like {\"history\":[\"id\",...],\"k\":10}: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
        if (body == null || !body.isObject() || !body.path("history").isArray()) {
            throw ApiException.badRequest("the body must be a JSON object with a 'history' array of product ids, oldest first");
        }
        List<String> history = new ArrayList<>();
        for (JsonNode id : body.get("history")) {
            if (!id.isTextual() && !id.isNumber()) {
                throw ApiException.badRequest("history: every item must be a product id (a string), got " + id);
            }
            history.add(id.asText());
        }
        if (history.isEmpty()) {
            throw ApiException.badRequest("history is empty; give the ids of the products viewed, oldest first");
        }
        if (history.size() > MAX_HISTORY) {
            throw ApiException.badRequest("history has " + history.size() + " items, more than " + MAX_HISTORY + "; send the newest only");
        }
        JsonNode kNode = body.path("k");
        int k = DEFAULT_K;
        if (!kNode.isMissingNode() && !kNode.isNull()) {
            if (!kNode.canConvertToInt() || !kNode.isIntegralNumber() || kNode.asInt() < 1 || kNode.asInt() > ProductRoutes.MAX_K) {
                throw ApiException.badRequest("k must be a whole number between 1 and " + ProductRoutes.MAX_K + ", got " + kNode);
            }
            k = kNode.asInt();
        }
        int top = k;
        List<HistoryRecommendation> results = searches.run(() -> served.recommender.recommend(history, SearchOptions.top(top)));
        ObjectNode doc = Json.object();
        ArrayNode echoed = doc.putArray("history");
        history.forEach(echoed::add);
        ArrayNode list = doc.putArray("results");
        for (HistoryRecommendation h : results) {
            list.add(RecommendationJson.writeClosest(h, served.json.result(h.result())));
        }
        Json.send(ctx, doc);
    }
}
