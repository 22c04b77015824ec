package io.fashionrec.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductTable;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.RecommendationJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The JSON shapes of products in API responses: a summary (id, name, links to its photo and
 * thumbnail, attributes) and a result (the fields of {@code similar --json} plus the summary's).
 */
final class ProductJson {

    private final ProductIndex index;

    ProductJson(ProductIndex index) {
        this.index = index;
    }

    /** {@code {id, name, description?, image, thumbnail, attributes}}; image links are null without a photo. */
    ObjectNode summary(int ordinal) {
        return summary(ordinal, Json.object().put("id", index.products().id(ordinal)).put("name", index.products().name(ordinal)));
    }

    /** A recommendation as {@code similar --json} writes it, plus the links and attributes of a summary. */
    ObjectNode result(Recommendation r) {
        return summary(r.ordinal(), RecommendationJson.write(r, Json.object()));
    }

    private ObjectNode summary(int ordinal, ObjectNode node) {
        ProductTable products = index.products();
        String description = products.description(ordinal);
        if (!description.isEmpty()) {
            node.put("description", description);
        }
        if (products.image(ordinal).isEmpty()) {
            node.putNull("photo");
            node.putNull("thumbnail");
        } else {
            String url = "/images/" + URLEncoder.encode(products.id(ordinal), StandardCharsets.UTF_8);
            node.put("photo", url);
            node.put("thumbnail", url + "?size=thumb");
        }
        ObjectNode attributes = node.putObject("attributes");
        for (String attribute : products.attributeNames()) {
            attributes.put(attribute, products.attribute(ordinal, attribute));
        }
        return node;
    }
}
