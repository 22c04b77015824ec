package io.fashionrec.server;

import static io.fashionrec.server.ApiAssertions.error;
import static io.fashionrec.server.ApiAssertions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionrec.index.ProductTable;
import io.fashionrec.recommend.HistoryRecommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/search} (photo and text) and {@code POST /api/recommend} over a real server. */
class SearchAndRecommendApiTest {

    @TempDir
    static Path tmp;

    private static SyntheticShop shop;
    private static ProductTable products;

    @BeforeAll
    static void open() {
        shop = SyntheticShop.open(tmp, 60, settings -> settings.optMaxUploadBytes(512 * 1024));
        products = shop.index().products();
    }

    @AfterAll
    static void close() {
        shop.close();
    }

    @Test
    void aProductsOwnPhotoFindsThatProductFirst() throws Exception {
        for (int i : new int[] {0, 17, 42}) {
            byte[] photo = Files.readAllBytes(shop.photo(i));
            JsonNode doc = ok(shop.send(new Multipart().file("photo", "shot.jpg", "image/jpeg", photo).field("k", "4").post(shop.url("/api/search"))));
            assertEquals("shot.jpg", doc.path("query").path("photo").asText());
            assertEquals(4, doc.path("results").size());
            JsonNode first = doc.path("results").get(0);
            assertEquals(products.id(i), first.path("id").asText(), doc.toString());
            assertEquals(1.0, first.path("image").asDouble(), 1e-4, "the same photo has image cosine 1");
        }
    }

    @Test
    void textAloneAndTextWithAPhotoSearch() throws Exception {
        String name = products.name(9);
        JsonNode text = ok(shop.send(new Multipart().field("text", name).post(shop.url("/api/search"))));
        assertEquals(name, text.path("query").path("text").asText());
        assertEquals(products.id(9), text.path("results").get(0).path("id").asText(), "a product's full name finds it first");
        assertEquals(SearchRoute.DEFAULT_K, text.path("results").size());
        byte[] photo = Files.readAllBytes(shop.photo(9));
        JsonNode both = ok(shop.send(new Multipart().field("text", name).file("photo", "p.jpg", "image/jpeg", photo).post(shop.url("/api/search"))));
        assertEquals(products.id(9), both.path("results").get(0).path("id").asText());
        assertFalse(both.path("results").get(0).path("image").isNull(), "a photo query has image scores");
    }

    @Test
    void refusedSearchesSayWhy() {
        error(shop.send(new Multipart().field("k", "3").post(shop.url("/api/search"))), 400, "photo", "text");
        error(shop.send(new Multipart().field("text", "red").field("k", "x").post(shop.url("/api/search"))), 400, "k", "x");
        error(shop.send(HttpRequest.newBuilder(URI.create(shop.url("/api/search"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"red\"}")).build()), 415, "multipart/form-data");
        byte[] notAnImage = "this is a text file, not a photo\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        error(shop.send(new Multipart().file("photo", "notes.jpg", "image/jpeg", notAnImage).post(shop.url("/api/search"))), 415, "notes.jpg");
        byte[] huge = new byte[600 * 1024];
        error(shop.send(new Multipart().file("photo", "huge.jpg", "image/jpeg", huge).post(shop.url("/api/search"))), 413);
        error(shop.send(new Multipart().file("photo", "bomb.png", "image/png", pngDeclaring(100_000, 100_000)).post(shop.url("/api/search"))),
                413, "100000");
        assertEquals(200, shop.get("/health").statusCode(), "the server still serves after refused uploads");
    }

    /** A tiny PNG whose header declares a {@code width x height} canvas: a decompression bomb. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static HttpRequest recommend(String body) {
        return HttpRequest.newBuilder(URI.create(shop.url("/api/recommend"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void recommendedForYouExcludesTheHistoryAndNamesTheClosestItems() {
        List<String> history = List.of(products.id(4), products.id(11), products.id(30));
        JsonNode doc = ok(shop.send(recommend("{\"history\":[\"" + String.join("\",\"", history) + "\"],\"k\":7}")));
        List<HistoryRecommendation> expected = new Recommender(shop.index()).recommend(history, SearchOptions.top(7));
        JsonNode results = doc.path("results");
        assertEquals(expected.size(), results.size());
        for (int r = 0; r < expected.size(); r++) {
            HistoryRecommendation e = expected.get(r);
            JsonNode got = results.get(r);
            assertEquals(e.result().id(), got.path("id").asText());
            assertFalse(history.contains(got.path("id").asText()), "a seen product was recommended");
            assertEquals(e.result().score(), got.path("score").asDouble(), 1e-6);
            assertEquals(e.closest().get(0).id(), got.path("closest").get(0).path("id").asText());
            got.path("closest").forEach(c -> assertTrue(history.contains(c.path("id").asText()), c.toString()));
        }
        assertEquals(RecommendRoute.DEFAULT_K, ok(shop.send(recommend("{\"history\":[\"" + products.id(1) + "\"]}"))).path("results").size());
    }

    @Test
    void refusedHistoriesSayWhy() {
        error(shop.send(recommend("{\"history\":[]}")), 400, "history");
        error(shop.send(recommend("{\"history\":[\"" + products.id(1) + "\",\"gone-42\"]}")), 404, "gone-42");
        error(shop.send(recommend("{\"history\":\"" + products.id(1) + "\"}")), 400, "history");
        error(shop.send(recommend("{\"history\":[[1]]}")), 400, "history");
        error(shop.send(recommend("{\"history\":[\"" + products.id(1) + "\"],\"k\":0}")), 400, "k");
        error(shop.send(recommend("{\"history\":[\"" + products.id(1) + "\"],\"k\":\"ten\"}")), 400, "k");
        error(shop.send(recommend("{not json")), 400, "JSON");
    }
}
