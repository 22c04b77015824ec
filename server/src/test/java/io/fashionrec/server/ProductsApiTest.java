package io.fashionrec.server;

import static io.fashionrec.server.ApiAssertions.error;
import static io.fashionrec.server.ApiAssertions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.index.ProductTable;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/products}, {@code /api/products/{id}} and {@code /api/products/{id}/similar} over a real server. */
class ProductsApiTest {

    @TempDir
    static Path tmp;

    private static SyntheticShop shop;
    private static ProductTable products;
    private static Recommender recommender;

    @BeforeAll
    static void open() {
        shop = SyntheticShop.open(tmp, 80);
        products = shop.index().products();
        recommender = new Recommender(shop.index());
    }

    @AfterAll
    static void close() {
        shop.close();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    @Test
    void browsingPagesThroughTheCatalogInOrder() {
        JsonNode first = ok(shop.get("/api/products"));
        assertEquals(products.size(), first.path("total").asInt());
        assertEquals(24, first.path("products").size());
        assertEquals(products.id(0), first.path("products").get(0).path("id").asText());
        JsonNode product = first.path("products").get(0);
        assertEquals(products.name(0), product.path("name").asText());
        assertEquals("/images/" + products.id(0), product.path("photo").asText());
        assertEquals(products.attribute(0, "gender"), product.path("attributes").path("gender").asText());

        JsonNode last = ok(shop.get("/api/products?page=3&size=24"));
        assertEquals(products.size() - 72, last.path("products").size());
        assertEquals(products.id(72), last.path("products").get(0).path("id").asText());
        assertEquals(0, ok(shop.get("/api/products?page=9")).path("products").size());
    }

    @Test
    void attributeFiltersNarrowTheListAndFacetsCountTheMatches() {
        String gender = products.attribute(0, "gender");
        JsonNode page = ok(shop.get("/api/products?size=100&gender=" + gender.toLowerCase(Locale.ROOT)));
        long expected = java.util.stream.IntStream.range(0, products.size()).filter(i -> products.attribute(i, "gender").equals(gender)).count();
        assertEquals(expected, page.path("total").asLong());
        page.path("products").forEach(p -> assertEquals(gender, p.path("attributes").path("gender").asText()));
        JsonNode genders = page.path("facets").path("gender");
        assertEquals(1, genders.size(), genders.toString());
        assertEquals(expected, genders.get(0).path("count").asLong());
        int typeCounts = 0;
        for (JsonNode v : page.path("facets").path("articleType")) {
            typeCounts += v.path("count").asInt();
        }
        assertEquals(expected, typeCounts, "every match has one articleType");
    }

    @Test
    void textSearchListsProductsWhoseNamesShareAWord() {
        String word = products.name(5).split(" ")[products.name(5).split(" ").length - 1];
        JsonNode page = ok(shop.get("/api/products?size=100&q=" + word));
        assertTrue(page.path("total").asInt() > 0, page.toString());
        assertTrue(ids(page.path("products")).contains(products.id(5)), page.toString());
        page.path("products").forEach(p -> assertTrue(p.path("name").asText().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                p + " does not contain " + word));
        assertEquals(0, ok(shop.get("/api/products?q=zzqxv")).path("total").asInt());
    }

    @Test
    void badBrowseParametersAreNamed() {
        error(shop.get("/api/products?size=abc"), 400, "size", "abc");
        error(shop.get("/api/products?size=0"), 400, "size");
        error(shop.get("/api/products?size=1000"), 400, "size", "1000");
        error(shop.get("/api/products?page=-1"), 400, "page");
        error(shop.get("/api/products?colour=red"), 400, "colour", "gender");
    }

    @Test
    void oneProductOrA404NamingTheId() {
        JsonNode product = ok(shop.get("/api/products/" + products.id(7)));
        assertEquals(products.id(7), product.path("id").asText());
        assertEquals(products.name(7), product.path("name").asText());
        assertEquals(products.attribute(7, "articleType"), product.path("attributes").path("articleType").asText());
        error(shop.get("/api/products/no-such-product"), 404, "no-such-product");
    }

    @Test
    void similarAnswersWhatTheRecommenderAnswersWithScoresPerModality() {
        for (int i = 0; i < products.size(); i += 9) {
            String id = products.id(i);
            JsonNode doc = ok(shop.get("/api/products/" + id + "/similar?k=6"));
            assertEquals(id, doc.path("query").asText());
            List<Recommendation> expected = recommender.similar(id, SearchOptions.top(6));
            JsonNode results = doc.path("results");
            assertEquals(expected.size(), results.size());
            for (int r = 0; r < expected.size(); r++) {
                Recommendation e = expected.get(r);
                JsonNode got = results.get(r);
                assertEquals(e.id(), got.path("id").asText());
                assertEquals(e.score(), got.path("score").asDouble(), 1e-6);
                assertEquals(e.image(), got.path("image").asDouble(), 1e-6);
                assertEquals(e.text(), got.path("text").asDouble(), 1e-6);
                assertEquals("/images/" + e.id() + "?size=thumb", got.path("thumbnail").asText());
            }
            FusionWeights defaults = shop.index().defaultWeights();
            assertEquals(defaults.text(), doc.path("weights").path("text").asDouble(), 1e-12);
        }
        assertEquals(5, ok(shop.get("/api/products/" + products.id(0) + "/similar")).path("results").size(), "default k");
    }

    @Test
    void weightsReRankAndSameFilters() {
        String id = products.id(3);
        List<String> imageOnly = ids(ok(shop.get("/api/products/" + id + "/similar?k=10&imageWeight=1&textWeight=0&alignmentWeight=0")).path("results"));
        List<String> textOnly = ids(ok(shop.get("/api/products/" + id + "/similar?k=10&imageWeight=0&textWeight=1&alignmentWeight=0")).path("results"));
        assertNotEquals(imageOnly, textOnly, "image-only and text-only rankings should differ");
        List<String> expected = new ArrayList<>();
        recommender.similar(id, SearchOptions.top(10).withWeights(new FusionWeights(0, 1, 0))).forEach(r -> expected.add(r.id()));
        assertEquals(expected, imageOnly);

        JsonNode same = ok(shop.get("/api/products/" + id + "/similar?k=50&same=gender,articleType"));
        assertFalse(same.path("results").isEmpty());
        Set<String> types = new HashSet<>();
        same.path("results").forEach(r -> {
            assertEquals(products.attribute(3, "gender"), r.path("attributes").path("gender").asText());
            types.add(r.path("attributes").path("articleType").asText());
        });
        assertEquals(Set.of(products.attribute(3, "articleType")), types);
    }

    @Test
    void anApproximateServerScoresTheCandidatesItFindsExactly() {
        try (RecommendationServer approximate = RecommendationServer.builder(shop.index()).optPort(0)
                .optSearch(io.fashionrec.vectors.SearchKind.APPROXIMATE).build().start()) {
            SyntheticShop.Client client = new SyntheticShop.Client(approximate.url());
            assertEquals("approximate", ok(client.get("/health")).path("search").asText());
            String id = products.id(11);
            java.util.Map<String, Double> exact = new java.util.HashMap<>();
            recommender.similar(id, SearchOptions.top(products.size())).forEach(r -> exact.put(r.id(), r.score()));
            JsonNode results = ok(client.get("/api/products/" + id + "/similar?k=8")).path("results");
            assertEquals(8, results.size());
            results.forEach(r -> assertEquals(exact.get(r.path("id").asText()), r.path("score").asDouble(), 1e-6, r.toString()));
        }
        assertEquals("exact", ok(shop.get("/health")).path("search").asText());
    }

    @Test
    void badSimilarParametersAreNamed() {
        String base = "/api/products/" + products.id(0) + "/similar?";
        error(shop.get(base + "k=abc"), 400, "k", "abc");
        error(shop.get(base + "k=0"), 400, "k");
        error(shop.get(base + "k=101"), 400, "k", "101");
        error(shop.get(base + "imageWeight=-1"), 400, "imageWeight", "-1");
        error(shop.get(base + "textWeight=NaN"), 400, "textWeight");
        error(shop.get(base + "imageWeight=0&textWeight=0&alignmentWeight=0"), 400, "weight");
        error(shop.get(base + "kernel=euclid"), 400, "kernel", "euclid");
        error(shop.get(base + "same=colour"), 400, "colour");
        error(shop.get("/api/products/no-such-product/similar?k=abc"), 404, "no-such-product");
    }
}
