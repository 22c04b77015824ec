package io.fashionrec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer standard = TextAnalyzer.standard();

    /** Expected terms below were produced by the reference's cleaning + TfidfVectorizer (sklearn 1.2.1). */
    /**
     * The analyzer passes text of Latin-1 characters on without normalising it, which is right
     * only if NFC leaves every such text as it is: checked for every character and every pair
     * (composition only ever joins neighbours).
     */
    @Test
    void latin1TextIsAlreadyNfc() {
        for (char a = 0; a <= 0xFF; a++) {
            String one = String.valueOf(a);
            assertEquals(one, Normalizer.normalize(one, Normalizer.Form.NFC), "U+" + Integer.toHexString(a));
            for (char b = 0; b <= 0xFF; b++) {
                String two = one + b;
                assertEquals(two, Normalizer.normalize(two, Normalizer.Form.NFC), "U+" + Integer.toHexString(a) + " U+" + Integer.toHexString(b));
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        assertEquals(List.of("café", "crème"), analyzer.terms("Café CRÈME"), "Latin-1 letters, passed on as they are");
        assertEquals(List.of("café"), analyzer.terms("Cafe\u0301"), "a combining mark: normalised to the one letter");
    }

    @Test
    void matchesTheReferenceOnProductNames() {
        assertEquals(List.of("nike", "men", "shirts", "navy", "blue"), standard.terms("Nike Men's T-Shirts, Navy-Blue 2011"));
        assertEquals(List.of("jack", "jones", "men", "blue", "slim", "fit", "jeans"), standard.terms("Jack & Jones Men Blue Slim Fit Jeans"));
        // "top" and "up" are scikit-learn stop words; "U", "S" and "x" are one letter long.
        assertEquals(List.of("polo", "assn", "kids", "boys"), standard.terms("U.S. Polo Assn. Kids Boys Top-Up x 2"));
        assertEquals(List.of("shirt", "men"), standard.terms("Shirt for the men who have everything"));
    }

    @Test
    void emptyAndTermlessTextsGiveNoTerms() {
        assertEquals(List.of(), standard.terms(""));
        assertEquals(List.of(), standard.terms(null));
        assertEquals(List.of(), standard.terms("2011 - 42 / # a"));
    }

    @Test
    void repeatsAreKeptInOrder() {
        assertEquals(List.of("red", "red", "shoes", "red"), standard.terms("RED red shoes, Red!"));
    }

    @Test
    void accentedWordsStayWholeWhateverTheirUnicodeForm() {
        assertEquals(List.of("café", "crème"), standard.terms("Café Crème"));
        // Decomposed: "e" followed by U+0301 COMBINING ACUTE ACCENT.
        assertEquals(List.of("café"), standard.terms("Cafe\u0301"));
        assertEquals(List.of("grösse", "größe", "übergröße"), standard.terms("GRÖSSE? Größe/Übergröße"));
    }

    @Test
    void wordsWithCombiningMarksStayWhole() {
        // Devanagari "kurta": the vowel signs are combining marks, not letters.
        assertEquals(List.of("कुर्ता", "blue"), standard.terms("कुर्ता Blue"));
    }

    @Test
    void aLongLetterRunIsOneTerm() {
        String run = "ab".repeat(400);
        assertEquals(List.of(run), standard.terms("x " + run.toUpperCase() + " 1"));
    }

    @Test
    void stopWordsAndMinimumLengthAreConfigurable() {
        TextAnalyzer none = TextAnalyzer.builder().stopWords(StopWords.none()).minTermLength(1).build();
        assertEquals(List.of("u", "s", "polo", "top", "up", "x"), none.terms("U.S. Polo Top-Up x"));
        TextAnalyzer custom = TextAnalyzer.builder().stopWords(StopWords.custom(List.of("Polo"))).minTermLength(3).build();
        assertEquals(List.of("top", "navy"), custom.terms("U.S. Polo Top-Up Navy"));
        assertThrows(IllegalArgumentException.class, () -> TextAnalyzer.builder().minTermLength(0));
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        // U+20000 is one CJK letter outside the BMP: two UTF-16 units, one code point.
        String oneLetter = new String(Character.toChars(0x20000));
        assertEquals(List.of(), standard.terms(oneLetter));
        assertEquals(List.of(oneLetter + oneLetter), standard.terms(oneLetter + oneLetter));
    }

    @Test
    void describesItsChain() {
        assertEquals("letters(unicode,nfc) lowercase stop=english/318/sha256:4e22be0ad71a min-length=2", standard.describe());
    }

    @Test
    void givesTheSameTermsFromManyThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            texts.add("Product " + i + " Navy-Blue Shirt size" + "XL".repeat(i % 4) + " Café");
        }
        List<List<String>> expected = texts.stream().map(standard::terms).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> texts.stream().map(standard::terms).toList()));
            }
            for (Future<List<List<String>>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
