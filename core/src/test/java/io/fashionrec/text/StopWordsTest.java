package io.fashionrec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopWordsTest {

    /** SHA-256 of sklearn 1.2.1's sorted ENGLISH_STOP_WORDS, each + "\n", computed in Python. */
    private static final String ENGLISH_SHA256 = "4e22be0ad71ae1c41dd7a8f944e851ead671d114edf4faad1ee8c698d2ba5084";

    @TempDir
    Path dir;

    @Test
    void englishIsScikitLearnsList() {
        StopWords english = StopWords.english();
        assertEquals(318, english.size());
        assertEquals(StopWords.ENGLISH, english.kind());
        assertEquals(ENGLISH_SHA256, english.sha256());
        assertEquals("english/318/sha256:4e22be0ad71a", english.summary());
        assertTrue(english.words().containsAll(List.of("the", "top", "up", "a", "yourselves")));
        assertFalse(english.words().contains("men"));
    }

    @Test
    void noneIsEmptyWithTheHashOfNothing() {
        assertEquals(0, StopWords.none().size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", StopWords.none().sha256());
    }

    @Test
    void fileSkipsCommentsAndBlankLinesAndFoldsCase() throws IOException {
        Path file = dir.resolve("stop.txt");
        Files.writeString(file, "# my list\n\nThe\n  new  \n   # indented comment\nU\u0308ber\nthe\n", StandardCharsets.UTF_8);
        StopWords words = StopWords.fromFile(file);
        assertEquals(StopWords.CUSTOM, words.kind());
        // "Ü" written decomposed is folded to the precomposed, lowercase form the analyzer produces.
        assertEquals(List.of("new", "the", "\u00fcber"), List.copyOf(words.words()));
        // Same words, same hash: computed in Python over "new\nthe\nüber\n".
        assertEquals("0ebc03c654271ed564e6f4b14f04154abec59b555c55a78a870a5cc37698082f", words.sha256());
        assertEquals(words, StopWords.custom(List.of("the", "NEW", "über")));
    }

    @Test
    void customListWithTheEnglishWordsIsStillNotTheEnglishList() {
        StopWords copy = StopWords.custom(StopWords.english().words());
        assertEquals(StopWords.english().sha256(), copy.sha256());
        assertNotEquals(StopWords.english(), copy);
    }

    @Test
    void lineWithTwoWordsIsRejectedWithItsLineNumber() throws IOException {
        Path file = dir.resolve("stop.txt");
        Files.writeString(file, "the\nnew york\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StopWords.fromFile(file));
        assertTrue(e.getMessage().contains("line 2 of " + file) && e.getMessage().contains("'new york'"), e.getMessage());
    }

    @Test
    void missingFileSaysWhichFile() {
        Path file = dir.resolve("absent.txt");
        IOException e = assertThrows(IOException.class, () -> StopWords.fromFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void fileThatIsNotUtf8IsRejected() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        IOException e = assertThrows(IOException.class, () -> StopWords.fromFile(file));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
