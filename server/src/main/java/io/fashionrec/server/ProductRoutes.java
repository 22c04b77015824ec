package io.fashionrec.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/products}, {@code GET /api/products/{id}} and {@code GET /api/products/{id}/similar}. */
final class ProductRoutes {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_K = 100;
    private static final Set<String> BROWSE_PARAMETERS = Set.of("q", "page", "size");

    private final LiveIndex live;
    private final SearchQueue searches;

    ProductRoutes(LiveIndex live, SearchQueue searches) {
        this.live = live;
        this.searches = searches;
    }

    void list(Context ctx) {
        ServedIndex served = live.current();
        CatalogBrowser browser = served.browser;
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
            if (BROWSE_PARAMETERS.contains(p.getKey())) {
                continue;
            }
            if (!browser.isAttribute(p.getKey())) {
                throw ApiException.badRequest("unknown parameter '" + p.getKey() + "'; use q, page, size or an attribute filter: "
                        + String.join(", ", browser.attributeNames()));
            }
            filters.put(p.getKey(), p.getValue().get(0));
        }
        int page = Params.integer(ctx, "page", 0, 0, 1_000_000);
        int size = Params.integer(ctx, "size", 24, 1, MAX_PAGE_SIZE);
        String q = ctx.queryParam("q");
        CatalogBrowser.Page result = searches.run(() -> browser.browse(q, filters, page, size));
        ObjectNode doc = Json.object().put("total", result.total()).put("page", page).put("size", size);
        doc.put("q", q == null ? "" : q);
        ArrayNode products = doc.putArray("products");
        result.ordinals().forEach(o -> products.add(served.json.summary(o)));
        ObjectNode facets = doc.putObject("facets");
        result.facets().forEach((attribute, values) -> {
            ArrayNode list = facets.putArray(attribute);
            values.forEach(v -> list.addObject().put("value", v.value()).put("count", v.count()));
        });
        Json.send(ctx, doc);
    }

    void one(Context ctx) {
        ServedIndex served = live.current();
        Json.send(ctx, served.json.summary(served.recommender.ordinalOf(ctx.pathParam("id"))));
    }

    void similar(Context ctx) {
        ServedIndex served = live.current();
        Recommender recommender = served.recommender;
        String id = ctx.pathParam("id");
        recommender.ordinalOf(id); // an unknown product is a 404 before any parameter is judged
        SearchOptions options = SearchOptions.top(Params.integer(ctx, "k", 5, 1, MAX_K))
                .withWeights(weights(ctx, served.index)).withKernel(kernel(ctx)).withSame(same(ctx, served.browser));
        List<Recommendation> results = searches.similar(recommender, id, options);
        ObjectNode doc = Json.object().put("query", id);
        FusionWeights used = recommender.scorer(options).weights();
        doc.putObject("weights").put("text", used.text()).put("image", used.image()).put("alignment", used.alignment());
        ArrayNode list = doc.putArray("results");
        results.forEach(r -> list.add(served.json.result(r)));
        Json.send(ctx, doc);
    }

    /** The weights the parameters ask for on top of the index's defaults, or null for the defaults. */
    private static FusionWeights weights(Context ctx, ProductIndex index) {
        Double text = Params.weight(ctx, "textWeight");
        Double image = Params.weight(ctx, "imageWeight");
        Double alignment = Params.weight(ctx, "alignmentWeight");
        if (text == null && image == null && alignment == null) {
            return null;
        }
        FusionWeights defaults = index.defaultWeights();
        try {
            return new FusionWeights(text != null ? text : defaults.text(), image != null ? image : defaults.image(),
                    alignment != null ? alignment : defaults.alignment());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("textWeight/imageWeight/alignmentWeight: " + e.getMessage());
        }
    }

    private static Kernel kernel(Context ctx) {
        String kernel = ctx.queryParam("kernel");
        if (kernel == null || kernel.isBlank()) {
            return null;
        }
        try {
            return Kernel.fromJsonName(kernel.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kernel: " + e.getMessage());
        }
    }

    private static List<String> same(Context ctx, CatalogBrowser browser) {
        String same = ctx.queryParam("same");
        if (same == null || same.isBlank()) {
            return List.of();
        }
        List<String> attributes = Arrays.stream(same.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String attribute : attributes) {
            if (!browser.isAttribute(attribute)) {
                throw ApiException.badRequest("same: unknown attribute '" + attribute + "'; this catalog has: "
                        + String.join(", ", browser.attributeNames()));
            }
        }
        return attributes;
    }
}
