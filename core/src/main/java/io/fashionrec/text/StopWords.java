package io.fashionrec.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A stop word list: terms the {@link TextAnalyzer} drops.
 *
 * <p>Words are kept in the analyzer's canonical form (NFC, lowercased code point by code point,
 * exactly as {@link TextAnalyzer} folds terms), so a list written as {@code The} still removes
 * {@code the}. A stop word is a single term: it has no whitespace. Words with characters that are
 * not letters (e.g. {@code don't}) are accepted but can never match, since the analyzer splits
 * on them; this matches scikit-learn, which keeps such words silently too.
 *
 * <p>{@link #sha256()} identifies the list by its words alone (not by the file's comments or
 * layout): SHA-256 of the sorted words, each followed by {@code '\n'}, in UTF-8, as lowercase
 * hex. Index descriptors record it, so an index built with one list is never queried with another.
 *
 * <p>Immutable and thread-safe.
 */
public final class StopWords {

    /** Kind of the bundled scikit-learn English list. */
    public static final String ENGLISH = "english";
    /** Kind of the empty list. */
    public static final String NONE = "none";
    /** Kind of any list given by the caller. */
    public static final String CUSTOM = "custom";

    private static final String ENGLISH_RESOURCE = "english-stop-words.txt";
    private static final StopWords NO_WORDS = new StopWords(NONE, new TreeSet<>());

    private final String kind;
    private final SortedSet<String> words;
    private final String sha256;

    private StopWords(String kind, SortedSet<String> words) {
        this.kind = kind;
        this.words = Collections.unmodifiableSortedSet(words);
        this.sha256 = digest(words);
    }

    /**
     * scikit-learn's {@code ENGLISH_STOP_WORDS} (318 words), bundled as the resource
     * {@code io/fashionrec/text/english-stop-words.txt}.
     */
    public static StopWords english() {
        return EnglishHolder.INSTANCE;
    }

    /** The empty list: no term is dropped. */
    public static StopWords none() {
        return NO_WORDS;
    }

    /**
     * A caller's list. Each word is folded to the analyzer's canonical form; duplicates collapse.
     *
     * @throws IllegalArgumentException if a word is blank or contains whitespace
     */
    public static StopWords custom(Collection<String> words) {
        TreeSet<String> folded = new TreeSet<>();
        for (String word : words) {
            folded.add(canonicalWord(word, "stop word '" + word + "'"));
        }
        return new StopWords(CUSTOM, folded);
    }

    /**
     * Reads a list from a UTF-8 text file: one word per line; blank lines and lines whose first
     * non-blank character is {@code #} are ignored; surrounding whitespace is trimmed.
     *
     * @throws IOException              if the file cannot be read or is not UTF-8
     * @throws IllegalArgumentException if a line holds more than one word
     */
    public static StopWords fromFile(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException("stop word file " + file + " is not valid UTF-8; save it as UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException("cannot read stop word file " + file + " (" + e + "); give a readable text file with one word per line", e);
        }
        return custom(wordsOf(lines, "line %d of " + file));
    }

    private static List<String> wordsOf(List<String> lines, String whereFormat) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            words.add(canonicalWord(line, String.format(whereFormat, i + 1) + " ('" + line + "')"));
        }
        return words;
    }

    /**
     * Folds {@code word} the way the analyzer folds a term: NFC, then lowercase per code point
     * (the same mapping as Lucene's {@code LowerCaseFilter}, which differs from
     * {@code String.toLowerCase} for a few letters such as the dotted capital I).
     */
    private static String canonicalWord(String word, String where) {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException(where + " is blank; remove it from the list");
        }
        String nfc = Normalizer.normalize(word.strip(), Normalizer.Form.NFC);
        if (nfc.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(where + " contains whitespace; a stop word is a single term, put one word per line");
        }
        StringBuilder folded = new StringBuilder(nfc.length());
        nfc.codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
        return folded.toString();
    }

    private static String digest(SortedSet<String> words) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String word : words) {
                sha.update((word + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }

    /** {@link #ENGLISH}, {@link #NONE} or {@link #CUSTOM}. */
    public String kind() {
        return kind;
    }

    /** The words in canonical form, sorted (String natural order), unmodifiable. */
    public SortedSet<String> words() {
        return words;
    }

    public int size() {
        return words.size();
    }

    /** SHA-256 of the words (see the class comment), lowercase hex. */
    public String sha256() {
        return sha256;
    }

    /** {@code english/318/sha256:0123456789ab}: kind, size and the first 12 hex digits of the hash. */
    public String summary() {
        return kind + "/" + words.size() + "/sha256:" + sha256.substring(0, 12);
    }

    /** Lists are equal when they hold the same words and have the same kind. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StopWords other && kind.equals(other.kind) && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "StopWords[" + summary() + "]";
    }

    /** Loads the bundled list on first use only. */
    private static final class EnglishHolder {
        static final StopWords INSTANCE = load();

        private static StopWords load() {
            try (InputStream in = StopWords.class.getResourceAsStream(ENGLISH_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource io/fashionrec/text/" + ENGLISH_RESOURCE
                            + " is missing from the classpath; the fashionrec-core jar is incomplete, rebuild it");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                TreeSet<String> words = new TreeSet<>(wordsOf(text.lines().toList(), "line %d of " + ENGLISH_RESOURCE));
                return new StopWords(ENGLISH, words);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled resource " + ENGLISH_RESOURCE, e);
            }
        }
    }
}
