package io.fashionrec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.synthetic.CatalogGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Recommended for you" checked against {@link Recommender#similar}: a one-item history is that
 * item's neighbours, and a longer one ranks by the recency-weighted mean of the per-item scores
 * computed here from full {@code similar} rankings.
 */
class HistoryRecommendationTest {

    @TempDir
    static Path tmp;

    private static ProductIndex index;
    private static Recommender recommender;

    @BeforeAll
    static void build() throws Exception {
        Path catalog = tmp.resolve("synthetic");
        CatalogGenerator.builder().optProducts(48).optSeed(11).optImageSize(96, 96).optThreads(2).build().generate(catalog);
        index = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).optThreads(2)
                .build(Catalogs.read(catalog, new ProblemReport())).index();
        recommender = new Recommender(index);
    }

    /** Every other product's fused score against {@code id}. */
    private static Map<String, Double> scores(String id) {
        Map<String, Double> out = new HashMap<>();
        for (Recommendation r : recommender.similar(id, SearchOptions.top(index.size()))) {
            out.put(r.id(), r.score());
        }
        return out;
    }

    @Test
    void aHistoryOfOneProductIsThatProductsNeighbours() {
        for (int i = 0; i < index.size(); i += 5) {
            String id = index.products().id(i);
            List<Recommendation> similar = recommender.similar(id, SearchOptions.top(6));
            List<HistoryRecommendation> forYou = recommender.recommend(List.of(id), SearchOptions.top(6));
            assertEquals(similar.size(), forYou.size());
            for (int r = 0; r < similar.size(); r++) {
                Recommendation expected = similar.get(r);
                Recommendation got = forYou.get(r).result();
                assertEquals(expected.id(), got.id(), "history [" + id + "] rank " + r);
                assertEquals(expected.score(), got.score(), 1e-9);
                assertEquals(expected.image(), got.image(), 1e-9);
                assertEquals(expected.text(), got.text(), 1e-9);
                assertEquals(expected.alignment(), got.alignment(), 1e-9);
                assertEquals(List.of(new HistoryRecommendation.Match(id, got.score())), forYou.get(r).closest());
            }
        }
    }

    @Test
    void longerHistoriesRankByTheRecencyWeightedMeanAndExcludeWhatWasSeen() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int trial = 0; trial < 10; trial++) {
            int length = 2 + random.nextInt(4);
            List<String> history = new ArrayList<>();
            while (history.size() < length) {
                String id = index.products().id(random.nextInt(index.size()));
                if (!history.contains(id)) {
                    history.add(id);
                }
            }
            String at = "seed " + seed + ", history " + history + ": ";
            List<Map<String, Double>> perItem = history.stream().map(HistoryRecommendationTest::scores).toList();
            Map<String, Double> expected = new HashMap<>();
            double weightSum = 0;
            for (int a = 0; a < length; a++) {
                double w = Math.pow(Recommender.RECENCY, length - 1 - a); // the last item is the newest
                weightSum += w;
                for (Map.Entry<String, Double> e : perItem.get(a).entrySet()) {
                    expected.merge(e.getKey(), w * e.getValue(), Double::sum);
                }
            }
            List<HistoryRecommendation> got = recommender.recommend(history, SearchOptions.top(8));
            assertEquals(8, got.size(), at);
            double last = Double.POSITIVE_INFINITY;
            for (HistoryRecommendation h : got) {
                String id = h.result().id();
                assertFalse(history.contains(id), at + "recommended " + id + ", which was seen");
                assertEquals(expected.get(id) / weightSum, h.result().score(), 1e-6, at + id);
                assertTrue(h.result().score() <= last, at + "not sorted");
                last = h.result().score();
                assertEquals(Math.min(Recommender.CLOSEST_SHOWN, length), h.closest().size(), at);
                for (int c = 0; c < h.closest().size(); c++) {
                    HistoryRecommendation.Match m = h.closest().get(c);
                    int item = history.indexOf(m.id());
                    assertTrue(item >= 0, at + m.id() + " is not in the history");
                    assertEquals(perItem.get(item).get(id), m.score(), 1e-9, at);
                    assertTrue(c == 0 || h.closest().get(c - 1).score() >= m.score(), at + "closest not sorted");
                }
            }
            // Nothing outside the returned list scores higher than its last entry.
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                if (!history.contains(e.getKey()) && got.stream().noneMatch(h -> h.result().id().equals(e.getKey()))) {
                    assertTrue(e.getValue() / weightSum <= last + 1e-9, at + e.getKey() + " should have been recommended");
                }
            }
        }
    }

    @Test
    void aRepeatedViewCountsOnceAtItsLatestPosition() {
        String a = index.products().id(0);
        String b = index.products().id(1);
        assertEquals(recommender.recommend(List.of(b, a), SearchOptions.top(5)),
                recommender.recommend(List.of(a, b, a), SearchOptions.top(5)));
    }

    @Test
    void badHistoriesAreRefusedWithTheReason() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> recommender.recommend(List.of(), SearchOptions.top(5)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        NoSuchProductException unknown = assertThrows(NoSuchProductException.class,
                () -> recommender.recommend(List.of(index.products().id(0), "no-such-id"), SearchOptions.top(5)));
        assertTrue(unknown.getMessage().contains("no-such-id"), unknown.getMessage());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> recommender.recommend(List.of(index.products().id(0)), SearchOptions.top(5).withSame(List.of("gender"))));
        assertTrue(same.getMessage().contains("same=gender"), same.getMessage());
    }

    @Test
    void filtersKeepOnlyMatchingProducts() {
        String gender = index.products().attribute(0, "gender");
        List<HistoryRecommendation> got = recommender.recommend(List.of(index.products().id(0), index.products().id(1)),
                SearchOptions.top(5).withWhere(Map.of("gender", gender)));
        assertFalse(got.isEmpty());
        for (HistoryRecommendation h : got) {
            assertEquals(gender, index.products().attribute(h.result().ordinal(), "gender"));
        }
    }
}
