package io.fashionrec.text;

import io.fashionrec.feature.SparseVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits TF-IDF models with scikit-learn's {@code TfidfVectorizer} semantics (by default exactly its
 * defaults on text analysed by {@link TextAnalyzer}): the vocabulary is every term found in at
 * least {@code minDf} documents, sorted; a term's idf is {@code ln((1+n)/(1+df)) + 1} with smooth
 * idf, else {@code ln(n/df) + 1}, where {@code n} counts all documents, empty ones included.
 *
 * <p>An empty corpus, or one whose documents hold only stop words, gives a model with an empty
 * vocabulary that maps every text to {@link SparseVector#EMPTY} (scikit-learn raises instead; a
 * catalog without usable names can still be recommended by its images).
 *
 * <p>Fitting is deterministic. Immutable and thread-safe; each fit uses its own analyzer.
 */
public final class TfidfVectorizer implements TextVectorizer {

    private final TfidfSettings settings;

    public TfidfVectorizer(TfidfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A builder starting from {@link TfidfSettings#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    public TfidfSettings settings() {
        return settings;
    }

    /**
     * Learns the vocabulary and idf of {@code documents}.
     *
     * @param documents one text per product, none null (use an empty string for no text)
     */
    @Override
    public TfidfModel fit(List<String> documents) {
        return analyse(documents).model();
    }

    /**
     * Fits on {@code documents} and returns the model with the documents' rows, analysing each
     * document once. The rows equal {@code model.transform(document)}.
     *
     * @param documents one text per product, none null (use an empty string for no text)
     */
    public TfidfFit fitTransform(List<String> documents) {
        Corpus corpus = analyse(documents);
        TfidfModel model = corpus.model();
        List<SparseVector> rows = new ArrayList<>(corpus.documents.length);
        for (int[] firstSeenIds : corpus.documents) {
            int[] known = new int[firstSeenIds.length];
            int count = 0;
            for (int id : firstSeenIds) {
                int index = corpus.vocabularyIndex[id];
                if (index >= 0) {
                    known[count++] = index;
                }
            }
            rows.add(model.weigh(known, count));
        }
        return new TfidfFit(model, rows);
    }

    /** Analyses every document once, numbering terms in order of first appearance. */
    private Corpus analyse(List<String> documents) {
        TextAnalyzer analyzer = settings.newAnalyzer();
        Map<String, Integer> idsByTerm = new HashMap<>();
        List<String> termsById = new ArrayList<>();
        int[][] docs = new int[documents.size()][];
        int d = 0;
        for (String document : documents) {
            final int position = d;
            Objects.requireNonNull(document, () -> "document " + position + " is null; pass an empty string for a product without text");
            List<String> terms = analyzer.terms(document);
            int[] ids = new int[terms.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = idsByTerm.computeIfAbsent(terms.get(i), term -> {
                    termsById.add(term);
                    return termsById.size() - 1;
                });
            }
            docs[d++] = ids;
        }
        int[] df = documentFrequencies(docs, termsById.size());
        String[] vocabulary = termsById.stream()
                .filter(term -> df[idsByTerm.get(term)] >= settings.minDf())
                .sorted()
                .toArray(String[]::new);
        int[] vocabularyIndex = new int[termsById.size()];
        Arrays.fill(vocabularyIndex, -1);
        double[] idf = new double[vocabulary.length];
        int n = docs.length;
        for (int i = 0; i < vocabulary.length; i++) {
            int id = idsByTerm.get(vocabulary[i]);
            vocabularyIndex[id] = i;
            idf[i] = settings.smoothIdf() ? Math.log((n + 1.0) / (df[id] + 1.0)) + 1 : Math.log((double) n / df[id]) + 1;
        }
        return new Corpus(docs, vocabularyIndex, new TfidfModel(vocabulary, idf, settings, analyzer));
    }

    /** In how many documents each id occurs. */
    private static int[] documentFrequencies(int[][] docs, int termCount) {
        int[] df = new int[termCount];
        for (int[] ids : docs) {
            int[] sorted = ids.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    df[sorted[i]]++;
                }
            }
        }
        return df;
    }

    /**
     * An analysed corpus: each document's terms as first-seen ids, the vocabulary index of each id
     * (-1 for terms pruned by {@code minDf}) and the fitted model.
     */
    private record Corpus(int[][] documents, int[] vocabularyIndex, TfidfModel model) {
    }

    /** Configures a {@link TfidfVectorizer}; every option defaults to scikit-learn's. */
    public static final class Builder {
        private StopWords stopWords = StopWords.english();
        private int minTermLength = 2;
        private boolean sublinearTf = false;
        private boolean smoothIdf = true;
        private int minDf = 1;

        private Builder() {
        }

        /** Stop words to drop (default scikit-learn's English list). */
        public Builder optStopWords(StopWords stopWords) {
            this.stopWords = Objects.requireNonNull(stopWords, "stopWords");
            return this;
        }

        /** The shortest term kept, in code points (default 2). */
        public Builder optMinTermLength(int minTermLength) {
            this.minTermLength = minTermLength;
            return this;
        }

        /** Weigh a term by {@code 1 + ln(count)} instead of its count (default false). */
        public Builder optSublinearTf(boolean sublinearTf) {
            this.sublinearTf = sublinearTf;
            return this;
        }

        /** Add one to n and every df, as if one document held every term (default true). */
        public Builder optSmoothIdf(boolean smoothIdf) {
            this.smoothIdf = smoothIdf;
            return this;
        }

        /** Keep only terms found in at least this many documents (default 1: all). */
        public Builder optMinDf(int minDf) {
            this.minDf = minDf;
            return this;
        }

        /** @throws IllegalArgumentException if minTermLength or minDf is below 1 */
        public TfidfVectorizer build() {
            return new TfidfVectorizer(new TfidfSettings(stopWords, minTermLength, sublinearTf, smoothIdf, minDf));
        }
    }
}
