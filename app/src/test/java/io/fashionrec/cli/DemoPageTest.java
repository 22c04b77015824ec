package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.server.ChromiumBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fashionrec demo} as a newcomer runs it: it draws, indexes and serves the synthetic shop,
 * and a product page opened in headless Chromium shows recommendations with their pictures
 * (saved as {@code target/screenshots/demo-product.png}).
 */
class DemoPageTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoServesAProductPageWithPicturedRecommendations() throws Exception {
        System.setProperty("java.awt.headless", "true");
        try (BackgroundCommand demo = new BackgroundCommand(120, "demo", "--products", "60", "--dir", tmp.toString(), "--port", "0");
             ChromiumBrowser browser = ChromiumBrowser.desktop(demo.url())) {
            HttpResponse<String> first = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(demo.url() + "/api/products?size=1")).build(), HttpResponse.BodyHandlers.ofString());
            String id = new ObjectMapper().readTree(first.body()).path("products").get(0).path("id").asText();
            browser.open("/product/" + id);
            List<String> recommended = browser.awaitCards("recommendation");
            assertTrue(recommended.size() >= 5, recommended.toString());
            assertTrue(!recommended.contains(id), "the product recommends itself: " + recommended);
            Long loaded = browser.await("recommendation pictures to load", d -> {
                Object n = browser.script("const imgs = [...document.querySelectorAll(\"[data-testid='recommendation'] img\")].slice(0, 4);"
                        + "return imgs.length === 4 && imgs.every((i) => i.complete && i.naturalWidth > 0) ? imgs.length : null");
                return n == null ? null : ((Number) n).longValue();
            });
            assertEquals(4L, loaded);
            browser.script("document.querySelector(\"[data-testid='recommendation']\").scrollIntoView({block: 'center'})");
            Path shot = browser.screenshot("demo-product");
            assertTrue(Files.size(shot) > 10_000, "an empty-looking screenshot: " + Files.size(shot) + " bytes");
        }
    }
}
