package io.fashionrec.server;

import static io.fashionrec.server.ApiAssertions.error;
import static io.fashionrec.server.ApiAssertions.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos and thumbnails, the page, the OpenAPI description, and the safety rules: path traversal
 * on {@code /images/}, no directory listings, loopback by default, CORS only when configured,
 * JSON errors for unknown routes.
 */
class ImagesAndSafetyTest {

    @TempDir
    static Path tmp;

    private static SyntheticShop shop;

    @BeforeAll
    static void open() throws IOException {
        shop = SyntheticShop.open(tmp, 30);
        // A secret next to the catalog: what a traversal would try to reach.
        Files.writeString(tmp.resolve("secret.txt"), "do not serve");
    }

    @AfterAll
    static void close() {
        shop.close();
    }

    @Test
    void photosAreTheCatalogsFilesAndThumbnailsAreSmallJpegs() throws Exception {
        String id = shop.index().products().id(2);
        HttpResponse<byte[]> photo = shop.getBytes("/images/" + id);
        assertEquals(200, photo.statusCode());
        assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(Files.readAllBytes(shop.photo(2)), photo.body());
        HttpResponse<byte[]> thumb = shop.getBytes("/images/" + id + "?size=thumb");
        assertEquals(200, thumb.statusCode());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertEquals(Math.min(160, ImageRoutes.THUMBNAIL_SIDE), Math.max(small.getWidth(), small.getHeight()));
        assertArrayEquals(thumb.body(), shop.getBytes("/images/" + id + "?size=thumb").body(), "cached thumbnails are the same bytes");
        error(shop.get("/images/" + id + "?size=huge"), 400, "size", "huge");
        error(shop.get("/images/no-such-id"), 404, "no-such-id");
    }

    /** Sends one raw request line, bypassing any client-side path normalisation, and returns the status and body. */
    private static String raw(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", shop.server().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A raw response (read as ISO-8859-1, byte for byte) decoded as the UTF-8 it is. */
    private static String utf8(String raw) {
        return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void pathTraversalNeverReachesTheFileSystem() throws Exception {
        List<String> attempts = List.of(
                "/images/../secret.txt", "/images/../../secret.txt", "/images/..%2F..%2Fsecret.txt", "/images/%2e%2e%2fsecret.txt",
                "/images/%2e%2e/%2e%2e/secret.txt", "/images/..%252F..%252Fsecret.txt", "/images/%2Fetc%2Fpasswd",
                "/images//etc/passwd", "/images/" + tmp.resolve("secret.txt").toAbsolutePath(), "/images/..\\..\\secret.txt",
                "/static/../../secret.txt", "/static/%2e%2e/%2e%2e/secret.txt", "/images/catalog%2Fimages%2F" + shop.index().products().id(0) + ".jpg");
        for (String attempt : attempts) {
            String response = raw(attempt);
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status >= 400 && status < 500, attempt + " gave " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("do not serve"), attempt + " served the secret");
            assertFalse(response.contains("root:"), attempt + " served /etc/passwd");
        }
        assertEquals(200, shop.get("/health").statusCode(), "still serving after the attempts");
    }

    @Test
    void noDirectoryListingsAndJsonForUnknownRoutes() throws Exception {
        String page = shop.get("/").body();
        for (String path : List.of("/static/", "/static", "/images/", "/api/")) {
            String response = raw(path);
            int status = Integer.parseInt(response.substring(9, 12));
            // A directory is a 404, a redirect to its slash form, or its welcome page (the shop page), never a listing.
            assertTrue(status == 404 || status == 400 || status == 302 || status == 200 && utf8(response).endsWith(page), path + " gave " + response);
            assertFalse(response.contains("openapi.json"), path + " listed a directory");
        }
        error(shop.get("/api/no-such-route"), 404, "/api/no-such-route");
        error(shop.send(HttpRequest.newBuilder(URI.create(shop.url("/api/products"))).DELETE().build()), 404);
    }

    @Test
    void thePageIsServedForTheGridAndEveryProductUrl() {
        for (String path : List.of("/", "/product/" + shop.index().products().id(3))) {
            HttpResponse<String> page = shop.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("<html"), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    void bindsToLoopbackUnlessToldAndCorsIsOffUnlessConfigured() throws Exception {
        assertTrue(shop.server().url().startsWith("http://127.0.0.1:"), shop.server().url());
        HttpRequest fromElsewhere = HttpRequest.newBuilder(URI.create(shop.url("/api/products?size=1"))).header("Origin", "http://evil.example").GET().build();
        assertTrue(shop.send(fromElsewhere).headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        try (RecommendationServer open = RecommendationServer.builder(shop.index()).optPort(0)
                .optCorsOrigins(List.of("http://shop.example")).build().start()) {
            HttpRequest fromShop = HttpRequest.newBuilder(URI.create(open.url() + "/api/products?size=1")).header("Origin", "http://shop.example").GET().build();
            assertEquals("http://shop.example", shop.send(fromShop).headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpRequest other = HttpRequest.newBuilder(URI.create(open.url() + "/api/products?size=1")).header("Origin", "http://evil.example").GET().build();
            assertTrue(shop.send(other).headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    void aClientThatStopsMidRequestIsDisconnectedAfterTheIdleTimeout() throws Exception {
        try (RecommendationServer strict = RecommendationServer.builder(shop.index()).optPort(0)
                .optIdleTimeout(java.time.Duration.ofMillis(300)).build().start();
             Socket slow = new Socket("127.0.0.1", strict.port())) {
            slow.setSoTimeout(15_000);
            slow.getOutputStream().write("GET /api/products HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            int read = slow.getInputStream().read(); // blocks until the server gives up on the request
            double waited = (System.nanoTime() - start) / 1e9;
            assertTrue(read == -1 || read == 'H', "the server kept a half-sent request open: read " + read);
            assertTrue(waited < 10, "the connection stayed open " + waited + " s with a 0.3 s idle timeout");
            assertEquals(200, new SyntheticShop.Client(strict.url()).get("/health").statusCode(), "and it still serves others");
        }
    }

    @Test
    void theOpenApiDescriptionCoversEveryRouteAndNothingElse() {
        JsonNode api = ok(shop.get("/api/openapi.json"));
        assertTrue(api.path("openapi").asText().startsWith("3."));
        Set<String> described = new HashSet<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertEquals(new HashSet<>(shop.server().apiRoutes()), described);
        assertEquals(8, described.size(), described.toString());
    }

    @Test
    void healthSaysWhatIsServed() {
        JsonNode health = ok(shop.get("/health"));
        assertEquals("ok", health.path("status").asText());
        assertEquals(30, health.path("products").asInt());
        assertEquals(shop.index().imageEncoder().label(), health.path("imageEncoder").asText());
    }
}
