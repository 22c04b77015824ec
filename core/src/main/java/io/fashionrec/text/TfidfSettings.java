package io.fashionrec.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a TF-IDF model's output besides its vocabulary and idf: the analysis
 * (stop words, minimum term length) and the weighting. The defaults are scikit-learn's
 * {@code TfidfVectorizer()}: raw counts, smooth idf, every term kept; rows are always
 * L2-normalised.
 *
 * <p>{@link #toMap()} and {@link #fromMap(Map)} round-trip the settings through string pairs so
 * that an index can store them; a custom stop word list is stored word by word, so the index
 * does not depend on the list's file.
 *
 * @param stopWords     the stop words the analyzer drops
 * @param minTermLength the shortest term kept, in code points (at least 1)
 * @param sublinearTf   weight a term by {@code 1 + ln(count)} instead of its raw count
 * @param smoothIdf     idf = {@code ln((1+n)/(1+df)) + 1} if true, else {@code ln(n/df) + 1}
 * @param minDf         drop terms found in fewer documents than this when fitting (at least 1)
 */
public record TfidfSettings(StopWords stopWords, int minTermLength, boolean sublinearTf, boolean smoothIdf, int minDf) {

    private static final String STOP_WORDS = "stopWords";
    private static final String STOP_WORDS_SHA256 = "stopWordsSha256";
    private static final String STOP_WORDS_LIST = "stopWordsList";
    private static final String MIN_TERM_LENGTH = "minTermLength";
    private static final String SUBLINEAR_TF = "sublinearTf";
    private static final String SMOOTH_IDF = "smoothIdf";
    private static final String MIN_DF = "minDf";

    public TfidfSettings {
        Objects.requireNonNull(stopWords, "stopWords");
        if (minTermLength < 1) {
            throw new IllegalArgumentException("minTermLength must be at least 1, got " + minTermLength);
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be at least 1 (a document count), got " + minDf);
        }
    }

    /** scikit-learn's defaults with its English stop words and terms of 2+ letters. */
    public static TfidfSettings defaults() {
        return new TfidfSettings(StopWords.english(), 2, false, true, 1);
    }

    /** A new analyzer that applies these settings' analysis. */
    public TextAnalyzer newAnalyzer() {
        return TextAnalyzer.builder().stopWords(stopWords).minTermLength(minTermLength).build();
    }

    /** The weighting part of a descriptor, e.g. {@code tf=raw idf=smooth min-df=1 norm=l2}. */
    String weightingSummary() {
        return "tf=" + (sublinearTf ? "sublinear" : "raw") + " idf=" + (smoothIdf ? "smooth" : "plain")
                + " min-df=" + minDf + " norm=l2";
    }

    /**
     * The settings as string pairs in a fixed order. The stop words are given by kind and SHA-256,
     * and for a custom list also by its words, separated by single spaces.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(STOP_WORDS, stopWords.kind());
        map.put(STOP_WORDS_SHA256, stopWords.sha256());
        if (stopWords.kind().equals(StopWords.CUSTOM)) {
            map.put(STOP_WORDS_LIST, String.join(" ", stopWords.words()));
        }
        map.put(MIN_TERM_LENGTH, Integer.toString(minTermLength));
        map.put(SUBLINEAR_TF, Boolean.toString(sublinearTf));
        map.put(SMOOTH_IDF, Boolean.toString(smoothIdf));
        map.put(MIN_DF, Integer.toString(minDf));
        return map;
    }

    /**
     * Restores settings written by {@link #toMap()}.
     *
     * @throws IllegalArgumentException if a key is missing or malformed, or if the stop words
     *                                  rebuilt here differ from the recorded SHA-256 (e.g. the
     *                                  bundled English list changed): rebuild the index then
     */
    public static TfidfSettings fromMap(Map<String, String> map) {
        String kind = required(map, STOP_WORDS);
        StopWords stopWords = switch (kind) {
            case StopWords.ENGLISH -> StopWords.english();
            case StopWords.NONE -> StopWords.none();
            case StopWords.CUSTOM -> {
                String list = required(map, STOP_WORDS_LIST);
                yield StopWords.custom(list.isEmpty() ? List.of() : Arrays.asList(list.split(" ")));
            }
            default -> throw new IllegalArgumentException("unknown stop word list '" + kind + "' in the TF-IDF settings; expected "
                    + StopWords.ENGLISH + ", " + StopWords.NONE + " or " + StopWords.CUSTOM);
        };
        String recorded = required(map, STOP_WORDS_SHA256);
        if (!recorded.equals(stopWords.sha256())) {
            throw new IllegalArgumentException("the " + kind + " stop word list has SHA-256 " + stopWords.sha256()
                    + " but the settings record " + recorded + "; the list changed since they were written, rebuild the index");
        }
        return new TfidfSettings(stopWords, integer(map, MIN_TERM_LENGTH), bool(map, SUBLINEAR_TF),
                bool(map, SMOOTH_IDF), integer(map, MIN_DF));
    }

    private static String required(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the TF-IDF settings lack '" + key + "' (found keys " + map.keySet()
                    + "); they were written by an incompatible version, rebuild the index");
        }
        return value;
    }

    private static int integer(Map<String, String> map, String key) {
        String value = required(map, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TF-IDF setting " + key + " must be an integer, got '" + value + "'");
        }
    }

    private static boolean bool(Map<String, String> map, String key) {
        String value = required(map, key);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("TF-IDF setting " + key + " must be true or false, got '" + value + "'");
        };
    }
}
