package io.fashionrec.eval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.fusion.Modality;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductTable;
import io.fashionrec.progress.Progress;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.SampleData;
import io.fashionrec.testing.TinyCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator against a brute-force evaluation written here from {@link Recommender#similar},
 * on two small indexes; its argument checks; and the quality gate on the shared sample.
 */
class EvaluatorTest {

    private static final List<Configuration> CONFIGURATIONS = List.of(Configuration.only(Modality.TEXT),
            Configuration.only(Modality.IMAGE), Configuration.fused(FusionWeights.DEFAULT));

    /** The tiny catalog's labels, after {@link #editTinyCatalog}: baseColour has a gap, year is unique per product. */
    private static final List<String> TINY_LABELS = List.of("gender", "articleType", "baseColour", "usage", "year");

    @TempDir
    static Path tmp;

    private static ProductIndex tiny;
    private static ProductIndex synthetic;

    @BeforeAll
    static void buildIndexes() throws Exception {
        Path tinyDir = TinyCatalog.write(tmp.resolve("tiny"));
        editTinyCatalog(tinyDir.resolve("styles.csv"));
        tiny = build(tinyDir, new MeanColourEncoder());
        Path syntheticDir = tmp.resolve("synthetic");
        CatalogGenerator.builder().optProducts(60).optSeed(11).optImageSize(128, 128).optThreads(2).build().generate(syntheticDir);
        synthetic = build(syntheticDir, new ClassicImageEncoder());
    }

    private static ProductIndex build(Path catalog, ImageEncoder encoder) throws Exception {
        return IndexBuilder.builder().setImageEncoder(encoder).optThreads(2).build(Catalogs.read(catalog, new ProblemReport())).index();
    }

    /**
     * Product 4 loses its baseColour (so it must not count for that label), product 9 gets a
     * usage no other product has, and every product gets its own year (a label nobody shares).
     */
    private static void editTinyCatalog(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int baseColour = header.indexOf("baseColour");
        int year = header.indexOf("year");
        int usage = header.indexOf("usage");
        List<String> edited = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            String id = fields[0];
            fields[year] = Integer.toString(2000 + Integer.parseInt(id));
            if (id.equals("4")) {
                fields[baseColour] = "";
            }
            if (id.equals("9")) {
                fields[usage] = "Sports";
            }
            edited.add(String.join(",", fields));
        }
        Files.write(csv, edited, StandardCharsets.UTF_8);
    }

    /** Precision@k, nDCG@k and the number of products scored, computed the slow, obvious way. */
    private record Figures(double precision, double ndcg, int products) {
    }

    private static Figures bruteForce(ProductIndex index, String label, int k, FusionWeights weights, Kernel kernel) {
        Recommender recommender = new Recommender(index);
        ProductTable products = index.products();
        double precision = 0;
        double ndcg = 0;
        int scored = 0;
        for (int i = 0; i < index.size(); i++) {
            String value = products.attribute(i, label).strip();
            if (value.isEmpty()) {
                continue;
            }
            scored++;
            List<Recommendation> neighbours = recommender.similar(products.id(i),
                    new SearchOptions(k, weights, kernel, List.of(), Map.of()));
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < neighbours.size(); r++) {
                if (products.attribute(neighbours.get(r).ordinal(), label).strip().equals(value)) {
                    hits++;
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            int others = 0;
            for (int j = 0; j < index.size(); j++) {
                others += j != i && products.attribute(j, label).strip().equals(value) ? 1 : 0;
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(k, others); r++) {
                ideal += 1 / (Math.log(r + 2) / Math.log(2));
            }
            precision += (double) hits / k;
            ndcg += others == 0 ? 0 : dcg / ideal;
        }
        return new Figures(precision / scored, ndcg / scored, scored);
    }

    @Test
    void everyFigureEqualsTheBruteForceOne() {
        List<Executable> checks = new ArrayList<>();
        for (ProductIndex index : List.of(tiny, synthetic)) {
            List<String> labels = index == tiny ? TINY_LABELS : List.of("gender", "articleType", "subCategory", "baseColour", "usage");
            Evaluator evaluator = new Evaluator(new Recommender(index));
            for (Kernel kernel : Arrays.asList(null, Kernel.LINEAR)) {
                for (int k : new int[] {1, 3}) {
                    EvaluationReport report = evaluator.evaluate(labels, k, CONFIGURATIONS, kernel, Progress.NONE);
                    assertEquals(k, report.k());
                    assertEquals(index.size(), report.products());
                    assertEquals(kernel == null ? index.defaultKernel().jsonName() : kernel.jsonName(), report.kernel());
                    assertEquals(labels.size() * CONFIGURATIONS.size(), report.results().size());
                    for (Configuration c : CONFIGURATIONS) {
                        for (String label : labels) {
                            String at = index.size() + " products, kernel " + kernel + ", k=" + k + ", " + c.name() + ", " + label + ": ";
                            LabelResult result = report.find(c.name(), label);
                            Figures expected = bruteForce(index, label, k, c.weights(), kernel);
                            checks.add(() -> {
                                assertNotNull(result, at + "no result");
                                assertEquals(expected.precision(), result.precision(), 1e-12, at + "precision");
                                assertEquals(expected.ndcg(), result.ndcg(), 1e-12, at + "nDCG");
                                assertEquals(expected.products(), result.products(), at + "products scored");
                                assertEquals(c.weights().toString(), result.weights(), at + "weights");
                            });
                        }
                    }
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void productsWithoutAValueAreLeftOutOfThatLabel() {
        EvaluationReport report = new Evaluator(new Recommender(tiny)).evaluate(TINY_LABELS, 3, CONFIGURATIONS, null, Progress.NONE);
        for (Configuration c : CONFIGURATIONS) {
            assertEquals(TinyCatalog.size() - 1, report.find(c.name(), "baseColour").products(), c.name());
            assertEquals(TinyCatalog.size(), report.find(c.name(), "articleType").products(), c.name());
        }
    }

    @Test
    void aLabelNobodySharesScoresZero() {
        EvaluationReport report = new Evaluator(new Recommender(tiny)).evaluate(List.of("year"), 3, CONFIGURATIONS, null, Progress.NONE);
        for (Configuration c : CONFIGURATIONS) {
            LabelResult year = report.find(c.name(), "year");
            assertEquals(0.0, year.ndcg(), c.name());
            assertEquals(0.0, year.precision(), c.name());
            assertEquals(TinyCatalog.size(), year.products(), c.name());
        }
    }

    @Test
    void anUnknownLabelIsRefusedWithTheAttributesListed() {
        Evaluator evaluator = new Evaluator(new Recommender(tiny));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(List.of("articleType", "colour"), 3, CONFIGURATIONS, null, Progress.NONE));
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
        for (String attribute : tiny.products().attributeNames()) {
            assertTrue(e.getMessage().contains(attribute), "the message does not list " + attribute + ": " + e.getMessage());
        }
    }

    @Test
    void kMustBePositiveAndBelowTheNumberOfProducts() {
        Evaluator evaluator = new Evaluator(new Recommender(tiny));
        int n = tiny.size();
        for (int k : new int[] {0, n, n + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> evaluator.evaluate(List.of("articleType"), k, CONFIGURATIONS, null, Progress.NONE), "k=" + k);
            assertTrue(e.getMessage().contains(Integer.toString(k)), e.getMessage());
        }
        assertEquals(n - 1, evaluator.evaluate(List.of("articleType"), n - 1, CONFIGURATIONS, null, Progress.NONE).k());
    }

    /**
     * The quality gate of the issue: on the shared 2,000-product sample, with the classic encoder
     * and the default settings, fused precision@5 reaches the bars and beats each single modality
     * on every label. One build of the sample index serves every assertion.
     */
    @Test
    void onTheSharedSampleFusionReachesTheBarsAndBeatsEachModality() throws Exception {
        Path sample = SampleData.catalogOrSkip();
        ProductIndex index = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder())
                .build(Catalogs.read(sample, new ProblemReport())).index();
        Map<String, Double> bars = Map.of("articleType", 0.78, "subCategory", 0.91, "baseColour", 0.47);
        List<String> labels = List.of("articleType", "subCategory", "baseColour");
        EvaluationReport report = new Evaluator(new Recommender(index)).evaluate(labels, 5, CONFIGURATIONS, null, Progress.NONE);
        List<Executable> checks = new ArrayList<>();
        for (String label : labels) {
            double fused = report.find("fused", label).precision();
            double text = report.find("text", label).precision();
            double image = report.find("image", label).precision();
            String figures = label + ": fused " + fused + ", text " + text + ", image " + image;
            checks.add(() -> assertTrue(fused >= bars.get(label), figures + "; the bar is " + bars.get(label)));
            checks.add(() -> assertTrue(fused > text && fused > image, figures + "; fused must beat both"));
        }
        assertAll(checks);
    }
}
