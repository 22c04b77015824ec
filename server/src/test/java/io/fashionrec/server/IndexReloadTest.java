package io.fashionrec.server;

import static io.fashionrec.server.ApiAssertions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.progress.Progress;
import io.fashionrec.synthetic.CatalogGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watching server swaps in each new generation of its index directory while it keeps serving:
 * requests sent all through the rebuilds never fail and always see one whole index.
 */
class IndexReloadTest {

    @TempDir
    Path tmp;

    private static ProductIndex build(Path catalog) throws Exception {
        return IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).optThreads(1)
                .build(Catalogs.read(catalog, new ProblemReport())).index();
    }

    @Test
    void newGenerationsAreServedWithoutAFailedRequest() throws Exception {
        Path dir = tmp.resolve("index");
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        CatalogGenerator.builder().optProducts(30).optSeed(1).optImageSize(96, 96).build().generate(small);
        CatalogGenerator.builder().optProducts(45).optSeed(1).optImageSize(96, 96).build().generate(large);
        ProductIndex first = build(small);
        ProductIndexFormat.write(first, dir, Progress.NONE);
        ProductIndex second = build(large);
        try (RecommendationServer server = RecommendationServer.builder(ProductIndexFormat.read(dir)).optPort(0)
                .optWatch(dir, Duration.ofMillis(50)).build().start();
             SyntheticShop.Client client = new SyntheticShop.Client(server.url())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger();
            AtomicReference<String> failure = new AtomicReference<>();
            Thread load = new Thread(() -> {
                while (!stop.get()) {
                    var health = client.get("/health");
                    int products = ok(health).path("products").asInt();
                    var page = client.get("/api/products?size=100");
                    int total = ok(page).path("total").asInt();
                    if ((products != 30 && products != 45) || (total != 30 && total != 45)) {
                        failure.compareAndSet(null, "a mixed index: " + products + " / " + total);
                    }
                    requests.incrementAndGet();
                }
            });
            load.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e.toString()));
            load.start();
            for (int round = 0; round < 3; round++) {
                ProductIndex next = round % 2 == 0 ? second : first;
                ProductIndexFormat.write(next, dir, Progress.NONE);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (ok(client.get("/health")).path("products").asInt() != next.size()) {
                    assertTrue(System.nanoTime() < deadline, "round " + round + ": the new generation was not served within 10 s");
                    Thread.sleep(20);
                }
                assertEquals(next.products().id(next.size() - 1),
                        ok(client.get("/api/products/" + next.products().id(next.size() - 1))).path("id").asText());
            }
            stop.set(true);
            load.join();
            assertEquals(null, failure.get());
            assertTrue(requests.get() > 3, "the load ran " + requests.get() + " rounds");
            assertEquals(3, ok(client.get("/health")).path("reloads").asInt());
        }
    }
}
