package io.fashionrec.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.util.AttributeFactory;

/**
 * The text analysis of product names: a Lucene chain that turns text into terms.
 *
 * <ol>
 *   <li>NFC normalisation, so a decomposed {@code e + U+0301} and a precomposed {@code é} give one term;</li>
 *   <li>tokens are maximal runs of Unicode letters (with the combining marks that belong to them,
 *       so words in scripts such as Devanagari stay whole); digits, punctuation and spaces separate;</li>
 *   <li>lowercase, code point by code point ({@link LowerCaseFilter});</li>
 *   <li>stop words removed ({@link StopFilter}, default: scikit-learn's English list);</li>
 *   <li>terms shorter than {@code minTermLength} code points dropped (default 2).</li>
 * </ol>
 *
 * <p>On ASCII text this is exactly the cleaning of the scikit-learn reference
 * ({@code re.findall("[A-Za-z]+")}, lowercase, stop words, then {@code TfidfVectorizer}'s
 * {@code \b\w\w+\b}). Elsewhere it deliberately differs: the reference cuts {@code Café} into
 * {@code caf}, this keeps {@code café}.
 *
 * <p>Thread-safe: Lucene keeps one token stream chain per thread and reuses it.
 */
public final class TextAnalyzer extends Analyzer {

    private static final String FIELD = "text";

    private final StopWords stopWords;
    private final CharArraySet stopSet;
    private final int minTermLength;

    private TextAnalyzer(StopWords stopWords, int minTermLength) {
        this.stopWords = stopWords;
        this.stopSet = CharArraySet.unmodifiableSet(new CharArraySet(stopWords.words(), false));
        this.minTermLength = minTermLength;
    }

    /** The default analysis: scikit-learn's English stop words, terms of 2+ letters. */
    public static TextAnalyzer standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The terms of {@code text} in order of appearance, repeats included.
     *
     * @param text any text; {@code null} is treated as empty
     * @return a new modifiable list, empty if the text has no term
     */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        try (TokenStream stream = tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Only a Reader over a String feeds the chain: it cannot fail.
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return terms;
    }

    public StopWords stopWords() {
        return stopWords;
    }

    public int minTermLength() {
        return minTermLength;
    }

    /**
     * A stable summary of the chain for index descriptors, e.g.
     * {@code letters(unicode,nfc) lowercase stop=english/318/sha256:0123456789ab min-length=2}.
     */
    public String describe() {
        return "letters(unicode,nfc) lowercase stop=" + stopWords.summary() + " min-length=" + minTermLength;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer letters = new LetterRunTokenizer();
        TokenStream chain = new LowerCaseFilter(letters);
        chain = new StopFilter(chain, stopSet);
        chain = new MinLengthFilter(chain, minTermLength);
        return new TokenStreamComponents(letters, chain);
    }

    /**
     * Reads the whole text (names are short) and normalises it to NFC. Text of Latin-1 characters
     * only is NFC already (none of them decomposes canonically into anything but itself or a
     * letter and mark that compose back, and none is a combining mark), so it is passed on as it
     * is. Read through a small buffer: {@code Reader.transferTo} allocates 16 KB per call, 700 MB
     * over the 44,446 names of a large catalog, which a 1% update spent its collections on.
     */
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        StringBuilder read = new StringBuilder(64);
        char[] buffer = new char[128];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                read.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text to analyse", e);
        }
        String text = read.toString();
        return new StringReader(isLatin1(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Emits maximal runs of letters and combining marks. Unlike Lucene's {@code LetterTokenizer}
     * with its default limit of 255 characters, a long run stays one term (up to Lucene's limit
     * of 1 MiB), as it does in the reference's regular expression.
     */
    private static final class LetterRunTokenizer extends CharTokenizer {
        private static final int MAX_TERM_LENGTH = 1024 * 1024;

        LetterRunTokenizer() {
            super(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, MAX_TERM_LENGTH);
        }

        @Override
        protected boolean isTokenChar(int codePoint) {
            if (Character.isLetter(codePoint)) {
                return true;
            }
            int type = Character.getType(codePoint);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }
    }

    /**
     * Keeps terms of at least {@code min} code points. Lucene's {@code LengthFilter} counts UTF-16
     * units, which would let a single supplementary letter pass as two.
     */
    private static final class MinLengthFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final int min;

        MinLengthFilter(TokenStream in, int min) {
            super(in);
            this.min = min;
        }

        @Override
        protected boolean accept() {
            return Character.codePointCount(term.buffer(), 0, term.length()) >= min;
        }
    }

    /** Configures a {@link TextAnalyzer}; defaults: {@link StopWords#english()}, min term length 2. */
    public static final class Builder {
        private StopWords stopWords = StopWords.english();
        private int minTermLength = 2;

        private Builder() {
        }

        /** The stop words to drop; {@link StopWords#none()} keeps every term. */
        public Builder stopWords(StopWords stopWords) {
            this.stopWords = Objects.requireNonNull(stopWords, "stopWords");
            return this;
        }

        /** The shortest term kept, in code points; at least 1. */
        public Builder minTermLength(int minTermLength) {
            if (minTermLength < 1) {
                throw new IllegalArgumentException("minTermLength must be at least 1, got " + minTermLength);
            }
            this.minTermLength = minTermLength;
            return this;
        }

        public TextAnalyzer build() {
            return new TextAnalyzer(stopWords, minTermLength);
        }
    }
}
