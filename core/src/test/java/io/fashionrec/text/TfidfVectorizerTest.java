package io.fashionrec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.SparseVector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TF-IDF on a three-document corpus small enough to compute by hand. Vocabulary (sorted):
 * blue(df 1), red(df 2), shirt(df 2), shoes(df 1); n = 3. The numbers agree with scikit-learn
 * 1.2.1's {@code TfidfVectorizer} on the same corpus.
 */
class TfidfVectorizerTest {

    private static final List<String> CORPUS = List.of("The red shirt", "Red, red shoes!", "a blue SHIRT");
    private static final double EPS = 1e-7;

    /** 1 + ln((1+3)/(1+1)) = 1 + ln 2. */
    private static final double IDF_DF1 = 1.6931471805599454;
    /** 1 + ln((1+3)/(1+2)) = 1 + ln(4/3). */
    private static final double IDF_DF2 = 1.2876820724517808;

    @Test
    void defaultsAreScikitLearns() {
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(CORPUS);
        TfidfModel model = fit.model();
        assertEquals(List.of("blue", "red", "shirt", "shoes"), model.vocabulary());
        assertArrayEquals(new double[] {IDF_DF1, IDF_DF2, IDF_DF2, IDF_DF1}, model.idf(), 1e-15);
        // red and shirt once each, same idf: 1/sqrt(2) each.
        assertRow(fit.rows().get(0), new int[] {1, 2}, 0.7071067811865476, 0.7071067811865476);
        // red 2 x 1.28768 = 2.57536, shoes 1.69315; norm sqrt(6.63250 + 2.86675) = 3.08209.
        assertRow(fit.rows().get(1), new int[] {1, 3}, 0.8355915419449176, 0.5493512310263033);
        // blue 1.69315, shirt 1.28768; norm 2.12718.
        assertRow(fit.rows().get(2), new int[] {0, 2}, 0.7959605415681652, 0.6053485081062916);
    }

    /** On a larger random corpus, each fitted row is what the model gives the document alone, and the vocabulary is every term that occurs. */
    @Test
    void eachFittedRowIsTheModelsTransformOfItsDocument() {
        long seed = 20261127L;
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"red", "blue", "shirt", "jeans", "slim", "fit", "cotton", "casual", "the", "a", "Men", "women's"};
        List<String> corpus = new java.util.ArrayList<>();
        for (int d = 0; d < 10_000; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(6); w > 0; w--) {
                text.append(words[random.nextInt(words.length)]).append(d % 97 == 0 ? " term" + d + " " : " ");
            }
            corpus.add(text.toString());
        }
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(corpus);
        java.util.Set<String> terms = new java.util.TreeSet<>();
        for (int d = 0; d < corpus.size(); d++) {
            SparseVector expected = fit.model().transform(corpus.get(d));
            assertArrayEquals(expected.indices(), fit.rows().get(d).indices(), "seed " + seed + ", document " + d);
            assertArrayEquals(expected.values(), fit.rows().get(d).values(), "seed " + seed + ", document " + d);
            terms.addAll(fit.model().analyzer().terms(corpus.get(d)));
        }
        assertEquals(List.copyOf(terms), fit.model().vocabulary());
    }

    @Test
    void aNullDocumentIsRefusedByPosition() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TfidfVectorizer.builder().build().fitTransform(Arrays.asList("red shirt", null)));
        assertEquals("document 1 is null; pass an empty string for a product without text", e.getMessage());
    }

    @Test
    void plainIdfDropsTheSmoothing() {
        TfidfFit fit = TfidfVectorizer.builder().optSmoothIdf(false).build().fitTransform(CORPUS);
        // 1 + ln(3/1) and 1 + ln(3/2).
        assertArrayEquals(new double[] {2.0986122886681096, 1.4054651081081644, 1.4054651081081644, 2.0986122886681096},
                fit.model().idf(), 1e-15);
        assertRow(fit.rows().get(1), new int[] {1, 3}, 0.8013096861433249, 0.5982497696555228);
    }

    @Test
    void sublinearTfDampsRepeats() {
        TfidfFit fit = TfidfVectorizer.builder().optSublinearTf(true).build().fitTransform(CORPUS);
        // red: (1 + ln 2) x 1.28768 = 2.18027 instead of 2.57536.
        assertRow(fit.rows().get(1), new int[] {1, 3}, 0.7898069290660905, 0.6133555370249717);
        assertRow(fit.rows().get(0), new int[] {1, 2}, 0.7071067811865476, 0.7071067811865476);
    }

    @Test
    void minDfPrunesRareTermsButNStillCountsEveryDocument() {
        TfidfFit fit = TfidfVectorizer.builder().optMinDf(2).build().fitTransform(CORPUS);
        assertEquals(List.of("red", "shirt"), fit.model().vocabulary());
        assertArrayEquals(new double[] {IDF_DF2, IDF_DF2}, fit.model().idf(), 1e-15);
        assertRow(fit.rows().get(1), new int[] {0}, 1.0);
        assertRow(fit.rows().get(2), new int[] {1}, 1.0);
    }

    @Test
    void emptyDocumentsCountInNAndGetEmptyRows() {
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(List.of("red shirt", "", "the of and"));
        assertArrayEquals(new double[] {IDF_DF1, IDF_DF1}, fit.model().idf(), 1e-15);
        assertSame(SparseVector.EMPTY, fit.rows().get(1));
        assertSame(SparseVector.EMPTY, fit.rows().get(2));
    }

    @Test
    void aCorpusWithoutTermsGivesAnEmptyModel() {
        TfidfModel model = TfidfVectorizer.builder().build().fit(List.of("the", "2011"));
        assertEquals(0, model.vocabularySize());
        assertSame(SparseVector.EMPTY, model.transform("red shirt"));
    }

    @Test
    void transformEqualsTheFittedRowsAndIgnoresUnknownTerms() {
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(CORPUS);
        TfidfModel model = fit.model();
        for (int i = 0; i < CORPUS.size(); i++) {
            assertEquals(fit.rows().get(i), model.transform(CORPUS.get(i)));
        }
        assertEquals(fit.rows().get(0), model.transform("green red SHIRT with dots"));
        assertSame(SparseVector.EMPTY, model.transform("green trousers"));
        assertSame(SparseVector.EMPTY, model.transform(""));
    }

    @Test
    void termLookupBothWays() {
        TfidfModel model = TfidfVectorizer.builder().build().fit(CORPUS);
        assertEquals(4, model.vocabularySize());
        assertEquals(2, model.termIndex("shirt"));
        assertEquals("shirt", model.term(2));
        assertEquals(-1, model.termIndex("green"));
        assertEquals(-1, model.termIndex("Shirt"));
        assertEquals(IDF_DF1, model.idf(3), 1e-15);
    }

    @Test
    void nullDocumentIsReportedByPosition() {
        List<String> docs = Arrays.asList("red", null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> TfidfVectorizer.builder().build().fit(docs));
        assertTrue(e.getMessage().startsWith("document 1 is null"), e.getMessage());
    }

    @Test
    void descriptorSummarisesAnalysisAndWeighting() {
        EncoderDescriptor defaults = TfidfVectorizer.builder().build().fit(CORPUS).descriptor();
        assertEquals(new EncoderDescriptor("tfidf", 1, 0,
                "letters(unicode,nfc) lowercase stop=english/318/sha256:4e22be0ad71a min-length=2 tf=raw idf=smooth min-df=1 norm=l2", ""),
                defaults);
        EncoderDescriptor other = TfidfVectorizer.builder().optStopWords(StopWords.none()).optSublinearTf(true)
                .optSmoothIdf(false).optMinDf(2).optMinTermLength(3).build().fit(CORPUS).descriptor();
        assertEquals("letters(unicode,nfc) lowercase stop=none/0/sha256:e3b0c44298fc min-length=3 tf=sublinear idf=plain min-df=2 norm=l2",
                other.preprocessing());
    }

    @Test
    void aModelRestoredFromItsPartsBehavesTheSame() {
        TfidfModel model = TfidfVectorizer.builder().optStopWords(StopWords.custom(List.of("Shoes", "über")))
                .optSublinearTf(true).optMinTermLength(3).build().fit(CORPUS);
        Map<String, String> stored = new LinkedHashMap<>(model.settings().toMap());
        TfidfModel restored = TfidfModel.restore(List.copyOf(model.vocabulary()), model.idf(), TfidfSettings.fromMap(stored));
        assertEquals(model.settings(), restored.settings());
        assertEquals(model.descriptor(), restored.descriptor());
        assertEquals(model.vocabulary(), restored.vocabulary());
        for (String text : List.of("red red shirt", "blue shoes über alles", "nothing known")) {
            assertEquals(model.transform(text), restored.transform(text), text);
        }
    }

    @Test
    void settingsMapIsStable() {
        Map<String, String> defaults = TfidfSettings.defaults().toMap();
        assertEquals(List.of("stopWords", "stopWordsSha256", "minTermLength", "sublinearTf", "smoothIdf", "minDf"),
                List.copyOf(defaults.keySet()));
        assertEquals(List.of("english", StopWords.english().sha256(), "2", "false", "true", "1"), List.copyOf(defaults.values()));
        Map<String, String> custom = new TfidfSettings(StopWords.custom(List.of("c", "B")), 2, false, true, 1).toMap();
        assertEquals("custom", custom.get("stopWords"));
        assertEquals("b c", custom.get("stopWordsList"));
    }

    @Test
    void settingsFromABadMapAreRejectedWithTheReason() {
        Map<String, String> map = new LinkedHashMap<>(TfidfSettings.defaults().toMap());
        map.put("stopWordsSha256", "00");
        assertMessage(map, "rebuild the index");
        map = new LinkedHashMap<>(TfidfSettings.defaults().toMap());
        map.remove("minDf");
        assertMessage(map, "lack 'minDf'");
        map = new LinkedHashMap<>(TfidfSettings.defaults().toMap());
        map.put("smoothIdf", "yes");
        assertMessage(map, "got 'yes'");
        map = new LinkedHashMap<>(TfidfSettings.defaults().toMap());
        map.put("minDf", "0");
        assertMessage(map, "minDf must be at least 1");
    }

    @Test
    void restoreRejectsInconsistentParts() {
        TfidfSettings settings = TfidfSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> TfidfModel.restore(List.of("b", "a"), new double[] {1, 1}, settings));
        assertThrows(IllegalArgumentException.class, () -> TfidfModel.restore(List.of("a", "a"), new double[] {1, 1}, settings));
        assertThrows(IllegalArgumentException.class, () -> TfidfModel.restore(List.of("a", "b"), new double[] {1}, settings));
        assertThrows(IllegalArgumentException.class, () -> TfidfModel.restore(List.of("a"), new double[] {Double.NaN}, settings));
        assertThrows(IllegalArgumentException.class, () -> TfidfModel.restore(List.of("a"), new double[] {0}, settings));
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().optMinDf(0).build());
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().optMinTermLength(0).build());
    }

    private static void assertMessage(Map<String, String> map, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfidfSettings.fromMap(map));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertRow(SparseVector row, int[] indices, double... values) {
        assertArrayEquals(indices, row.indices(), row.toString());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], row.values()[i], EPS, row.toString());
        }
    }
}
