package io.fashionrec.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.recommend.NoSuchProductException;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's search queue: batched answers equal single ones, one bad query fails alone, waits time out. */
class SearchQueueTest {

    @TempDir
    static Path tmp;

    private static SyntheticShop shop;
    private static Recommender recommender;

    @BeforeAll
    static void open() {
        shop = SyntheticShop.open(tmp, 40);
        recommender = new Recommender(shop.index());
    }

    @AfterAll
    static void close() {
        shop.close();
    }

    @Test
    void concurrentSimilarQueriesAreAnsweredAsOneAtATimeAndABadOneFailsAlone() throws Exception {
        // One worker held busy while 40 queries queue up behind it, so they are answered in batches.
        try (SearchQueue queue = new SearchQueue(1, Duration.ofSeconds(30))) {
            ExecutorService clients = Executors.newFixedThreadPool(41);
            try {
                CountDownLatch release = new CountDownLatch(1);
                Future<Object> blocker = clients.submit(() -> queue.run(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
                List<Future<List<Recommendation>>> answers = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String id = i == 13 ? "no-such-product" : shop.index().products().id(i);
                    ids.add(id);
                    SearchOptions options = SearchOptions.top(1 + i % 6);
                    answers.add(clients.submit(() -> queue.similar(recommender, id, options)));
                }
                Thread.sleep(200); // let them queue
                release.countDown();
                blocker.get();
                for (int i = 0; i < 40; i++) {
                    if (i == 13) {
                        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, answers.get(i)::get);
                        assertTrue(e.getCause() instanceof NoSuchProductException, e.getCause().toString());
                    } else {
                        assertEquals(recommender.similar(ids.get(i), SearchOptions.top(1 + i % 6)), answers.get(i).get(), "query " + i);
                    }
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void aSearchThatWaitsTooLongIsA503() throws Exception {
        try (SearchQueue queue = new SearchQueue(1, Duration.ofMillis(200))) {
            CountDownLatch release = new CountDownLatch(1);
            Thread busy = new Thread(() -> queue.run(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            busy.start();
            Thread.sleep(50);
            ApiException e = assertThrows(ApiException.class, () -> queue.similar(recommender, shop.index().products().id(0), SearchOptions.top(3)));
            assertEquals(503, e.status());
            assertTrue(e.getMessage().contains("busy"), e.getMessage());
            release.countDown();
            busy.join();
            assertEquals(3, queue.similar(recommender, shop.index().products().id(0), SearchOptions.top(3)).size(), "serving again once free");
        }
    }
}
