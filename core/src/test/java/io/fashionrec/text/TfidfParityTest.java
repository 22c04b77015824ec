package io.fashionrec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.testing.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with the scikit-learn reference on the shared 2,000-product sample. The golden file
 * {@code golden/reference-tfidf-sample.json} was written by
 * {@code /usr/bin/python3 ../shared/tools/reference_tfidf.py ../shared/data/fashion-sample}
 * with scikit-learn 1.2.1: the vocabulary with its idf, and each product's five nearest other
 * products by cosine of TF-IDF rows, ties broken by catalog order.
 */
class TfidfParityTest {

    private static final double IDF_TOLERANCE = 1e-6;
    private static final double SCORE_TOLERANCE = 1e-5;
    private static final int K = 5;

    private static List<String> ids;
    private static List<String> names;
    private static JsonNode reference;
    private static TfidfFit fit;

    @BeforeAll
    static void fitTheSample() throws IOException {
        readSampleNames();
        try (InputStream in = TfidfParityTest.class.getResourceAsStream("/golden/reference-tfidf-sample.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        fit = TfidfVectorizer.builder().build().fitTransform(names);
    }

    /** Reads ids and names through the catalog reader, as indexing does. */
    private static void readSampleNames() throws IOException {
        Catalog catalog = Catalogs.read(SampleData.catalog(), new ProblemReport());
        ids = new ArrayList<>();
        names = new ArrayList<>();
        for (Product product : catalog.products()) {
            ids.add(product.id());
            names.add(product.name());
        }
        assertEquals(2000, ids.size(), "products in the sample");
    }

    @Test
    void analyzerEqualsTheReferenceCleaningOnEveryName() {
        TextAnalyzer analyzer = fit.model().analyzer();
        Pattern asciiLetters = Pattern.compile("[A-Za-z]+");
        for (String name : names) {
            List<String> expected = new ArrayList<>();
            Matcher m = asciiLetters.matcher(name);
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                if (!StopWords.english().words().contains(word) && word.length() >= 2) {
                    expected.add(word);
                }
            }
            assertEquals(expected, analyzer.terms(name), name);
        }
    }

    @Test
    void vocabularyAndIdfEqualTheReference() {
        Map<String, Double> expected = new TreeMap<>();
        reference.get("vocabulary").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asDouble()));
        TfidfModel model = fit.model();
        assertEquals(List.copyOf(expected.keySet()), model.vocabulary());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertEquals(e.getValue(), model.idf(model.termIndex(e.getKey())), IDF_TOLERANCE, e.getKey());
        }
    }

    @Test
    void rowsAreUnitVectorsEqualToTransform() {
        for (int i = 0; i < names.size(); i++) {
            SparseVector row = fit.rows().get(i);
            assertEquals(1.0, row.norm(), 1e-6, names.get(i));
            assertEquals(row, fit.model().transform(names.get(i)), names.get(i));
        }
    }

    /**
     * For every product, the scores of its five nearest neighbours (found with the inverted
     * index) equal the reference's rank by rank; where a reference score is not tied with the one
     * before or after it, the neighbour is the same product. The reference does not record the
     * sixth score, so ours stands in for it when judging a tie at rank five.
     */
    @Test
    void nearestNeighboursEqualTheReference() {
        InvertedIndex index = InvertedIndex.build(fit.rows(), fit.model().vocabularySize());
        JsonNode expected = reference.get("neighbours");
        List<String> mismatches = new ArrayList<>();
        for (int q = 0; q < ids.size(); q++) {
            float[] scores = new float[ids.size()];
            index.accumulate(fit.rows().get(q), scores);
            scores[q] = -1;
            int[] top = topByScoreThenPosition(scores, K + 1);
            double[] referenceScores = new double[K + 1];
            Iterator<JsonNode> ranks = expected.get(ids.get(q)).elements();
            for (int r = 0; r < K; r++) {
                JsonNode pair = ranks.next();
                referenceScores[r] = pair.get(1).asDouble();
                if (Math.abs(referenceScores[r] - scores[top[r]]) > SCORE_TOLERANCE) {
                    mismatches.add("product " + ids.get(q) + " rank " + (r + 1) + ": score " + scores[top[r]] + ", reference " + referenceScores[r]);
                }
            }
            referenceScores[K] = scores[top[K]];
            ranks = expected.get(ids.get(q)).elements();
            for (int r = 0; r < K; r++) {
                String referenceId = ranks.next().get(0).asText();
                boolean tied = (r > 0 && Math.abs(referenceScores[r] - referenceScores[r - 1]) <= SCORE_TOLERANCE)
                        || Math.abs(referenceScores[r] - referenceScores[r + 1]) <= SCORE_TOLERANCE;
                if (!tied && !referenceId.equals(ids.get(top[r]))) {
                    mismatches.add("product " + ids.get(q) + " rank " + (r + 1) + ": neighbour " + ids.get(top[r]) + ", reference " + referenceId);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: " + mismatches.subList(0, Math.min(10, mismatches.size())));
    }

    /** The positions of the {@code k} highest scores, ties in position order (numpy's stable argsort). */
    private static int[] topByScoreThenPosition(float[] scores, int k) {
        int[] top = new int[k];
        boolean[] taken = new boolean[scores.length];
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[r] = best;
        }
        return top;
    }
}
