package io.fashionrec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.vectors.SearchKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approximate search against exact search on the same index: the graph's candidates, scored
 * exactly, give nearly the same top 10, with exactly the exact scores, and filters still return
 * k products whenever k match.
 */
class ApproximateRecommenderTest {

    @TempDir
    static Path tmp;

    private static ProductIndex index;
    private static Recommender exact;
    private static Recommender approximate;

    @BeforeAll
    static void build() throws Exception {
        Path catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(400).optSeed(5).optImageSize(96, 96).optThreads(2).build().generate(catalog);
        index = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).optThreads(2)
                .build(Catalogs.read(catalog, new ProblemReport())).index();
        exact = new Recommender(index);
        approximate = new Recommender(index, SearchKind.APPROXIMATE);
    }

    @Test
    void theKindsResolve() {
        assertEquals(SearchKind.EXACT, exact.searchKind());
        assertEquals(SearchKind.APPROXIMATE, approximate.searchKind());
        assertEquals(SearchKind.EXACT, new Recommender(index, SearchKind.AUTO).searchKind(), "400 products are scanned");
    }

    @Test
    void similarFindsNearlyTheExactTopTenWithExactScores() {
        int found = 0;
        int asked = 0;
        for (int i = 0; i < index.size(); i++) {
            String id = index.products().id(i);
            List<Recommendation> truth = exact.similar(id, SearchOptions.top(10));
            List<Recommendation> got = approximate.similar(id, SearchOptions.top(10));
            assertEquals(truth.size(), got.size(), id);
            Map<String, Double> exactScore = new HashMap<>();
            exact.similar(id, SearchOptions.top(index.size())).forEach(r -> exactScore.put(r.id(), r.score()));
            Set<String> truthIds = new HashSet<>();
            truth.forEach(r -> truthIds.add(r.id()));
            double last = Double.POSITIVE_INFINITY;
            for (Recommendation r : got) {
                assertTrue(!r.id().equals(id), "the query itself came back");
                assertEquals(exactScore.get(r.id()), r.score(), 1e-6, "approximate scores are exact fused scores: " + r);
                assertTrue(r.score() <= last, "not sorted");
                last = r.score();
                if (truthIds.contains(r.id())) {
                    found++;
                }
            }
            asked += truth.size();
        }
        double recall = (double) found / asked;
        assertTrue(recall >= 0.9, "recall@10 of approximate similar " + recall);
    }

    @Test
    void filtersApplyDuringTheWalkAndStillGiveKResults() {
        for (int i = 0; i < index.size(); i += 37) {
            String id = index.products().id(i);
            String type = index.products().attribute(i, "articleType");
            long matching = java.util.stream.IntStream.range(0, index.size())
                    .filter(j -> index.products().attribute(j, "articleType").equals(type)).count() - 1;
            List<Recommendation> got = approximate.similar(id, SearchOptions.top(10).withSame(List.of("articleType")));
            assertEquals(Math.min(10, matching), got.size(), id + " (" + type + ")");
            got.forEach(r -> assertEquals(type, index.products().attribute(r.ordinal(), "articleType")));
        }
    }

    @Test
    void textSearchWalksTheGraphThroughTheLookTheWordsImply() {
        List<Recommendation> truth = exact.searchText(index.products().name(3), SearchOptions.top(5));
        List<Recommendation> got = approximate.searchText(index.products().name(3), SearchOptions.top(5));
        assertEquals(truth.get(0).id(), got.get(0).id(), "a product's full name finds it first either way");
    }
}
