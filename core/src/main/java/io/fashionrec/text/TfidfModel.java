package io.fashionrec.text;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.SparseVector;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted TF-IDF model: a sorted vocabulary with one idf per term, and the settings that
 * analyse and weigh text.
 *
 * <p>{@link #transform} analyses the text, counts each known term (unknown terms are ignored),
 * weighs the count ({@code count}, or {@code 1 + ln(count)} with sublinear tf) by the term's idf
 * and L2-normalises the row, all in double, storing float values; this is scikit-learn's
 * {@code TfidfVectorizer.transform}. Term indices are positions in the vocabulary, which is sorted
 * in String natural order (scikit-learn's order too, for text in the Basic Multilingual Plane).
 *
 * <p>Build one with {@link TfidfVectorizer#fit}, or restore a persisted one with
 * {@link #restore}. Immutable and thread-safe.
 */
public final class TfidfModel implements TextModel {

    /** Bump whenever the vectors produced for the same vocabulary, idf and settings change. */
    static final int VERSION = 1;

    private final String[] vocabulary;
    private final Map<String, Integer> termIndices;
    private final double[] idf;
    private final TfidfSettings settings;
    private final TextAnalyzer analyzer;
    private final EncoderDescriptor descriptor;

    /** Takes ownership of the arrays, which the caller guarantees valid (sorted, equal lengths). */
    TfidfModel(String[] vocabulary, double[] idf, TfidfSettings settings, TextAnalyzer analyzer) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.settings = settings;
        this.analyzer = analyzer;
        this.termIndices = new HashMap<>(vocabulary.length * 4 / 3 + 1);
        for (int i = 0; i < vocabulary.length; i++) {
            termIndices.put(vocabulary[i], i);
        }
        this.descriptor = new EncoderDescriptor("tfidf", VERSION, 0,
                analyzer.describe() + " " + settings.weightingSummary(), "");
    }

    /**
     * Rebuilds a model from what {@link #vocabulary()}, {@link #idf()} and {@link #settings()}
     * returned. The arguments are copied.
     *
     * @param vocabulary the terms, strictly increasing in String natural order, none empty
     * @param idf        one finite, positive idf per term
     * @throws IllegalArgumentException if the vocabulary is not sorted or the lengths differ
     */
    public static TfidfModel restore(List<String> vocabulary, double[] idf, TfidfSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String[] terms = vocabulary.toArray(new String[0]);
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("the vocabulary has " + terms.length + " terms but there are " + idf.length
                    + " idf values; they must come from the same model");
        }
        for (int i = 0; i < terms.length; i++) {
            if (terms[i] == null || terms[i].isEmpty()) {
                throw new IllegalArgumentException("vocabulary term " + i + " is " + (terms[i] == null ? "null" : "empty"));
            }
            if (i > 0 && terms[i - 1].compareTo(terms[i]) >= 0) {
                throw new IllegalArgumentException("the vocabulary must be strictly increasing, but term " + i + " '" + terms[i]
                        + "' follows '" + terms[i - 1] + "'; pass the vocabulary in the model's order");
            }
            if (!(idf[i] > 0) || !Double.isFinite(idf[i])) {
                throw new IllegalArgumentException("idf of term " + i + " '" + terms[i] + "' must be finite and positive, got " + idf[i]);
            }
        }
        return new TfidfModel(terms, idf.clone(), settings, settings.newAnalyzer());
    }

    /**
     * {@code tfidf} v1, dimension 0 (the vocabulary decides), preprocessing e.g.
     * {@code letters(unicode,nfc) lowercase stop=english/318/sha256:<12 hex> min-length=2 tf=raw idf=smooth min-df=1 norm=l2}.
     */
    @Override
    public EncoderDescriptor descriptor() {
        return descriptor;
    }

    /** The L2-normalised TF-IDF row of {@code text}; {@link SparseVector#EMPTY} if no term is known. */
    @Override
    public SparseVector transform(String text) {
        List<String> terms = analyzer.terms(text);
        int[] known = new int[terms.size()];
        int count = 0;
        for (String term : terms) {
            Integer index = termIndices.get(term);
            if (index != null) {
                known[count++] = index;
            }
        }
        return weigh(known, count);
    }

    /**
     * The normalised row of a document whose known terms (with repeats, any order) are the first
     * {@code count} entries of {@code termIndices}, which this sorts in place.
     */
    SparseVector weigh(int[] termIndices, int count) {
        if (count == 0) {
            return SparseVector.EMPTY;
        }
        Arrays.sort(termIndices, 0, count);
        int[] indices = new int[count];
        double[] weights = new double[count];
        int distinct = 0;
        for (int start = 0; start < count; ) {
            int term = termIndices[start];
            int end = start + 1;
            while (end < count && termIndices[end] == term) {
                end++;
            }
            int tf = end - start;
            indices[distinct] = term;
            weights[distinct] = (settings.sublinearTf() ? 1 + Math.log(tf) : tf) * idf[term];
            distinct++;
            start = end;
        }
        double squares = 0;
        for (int i = 0; i < distinct; i++) {
            squares += weights[i] * weights[i];
        }
        double inverseNorm = 1 / Math.sqrt(squares);
        float[] values = new float[distinct];
        for (int i = 0; i < distinct; i++) {
            values[i] = (float) (weights[i] * inverseNorm);
        }
        return new SparseVector(distinct == count ? indices : Arrays.copyOf(indices, distinct), values);
    }

    @Override
    public int vocabularySize() {
        return vocabulary.length;
    }

    @Override
    public String term(int index) {
        return vocabulary[index];
    }

    /** The index of {@code term} in the vocabulary, or -1 if it is not a term of this model. */
    public int termIndex(String term) {
        Integer index = termIndices.get(term);
        return index == null ? -1 : index;
    }

    /** The idf of the term at {@code termIndex}. */
    public double idf(int termIndex) {
        return idf[termIndex];
    }

    /** A copy of all idf values, in vocabulary order (for persisting; see {@link #restore}). */
    public double[] idf() {
        return idf.clone();
    }

    /** The sorted vocabulary, unmodifiable. */
    public List<String> vocabulary() {
        return Collections.unmodifiableList(Arrays.asList(vocabulary));
    }

    public TfidfSettings settings() {
        return settings;
    }

    /** The analyzer this model applies to text. */
    public TextAnalyzer analyzer() {
        return analyzer;
    }
}
