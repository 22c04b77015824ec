package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strings round-trip exactly (empty, non-ASCII, across map chunks); a large column opens without reading it. */
class StringColumnFormatTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);
    private static final String[] PIECES = {"", "a", "Shirt", "é", "ß", "Ж", "中文", "😀", "\u0000", " ", "\n", "Men's \"Polo\""};

    @TempDir
    Path dir;

    @Test
    void randomStringsRoundTrip() {
        for (int i = 0; i < 60; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            List<String> values = new ArrayList<>();
            for (int n = random.nextInt(25); n > 0; n--) {
                StringBuilder s = new StringBuilder();
                for (int k = random.nextInt(6); k > 0; k--) {
                    s.append(PIECES[random.nextInt(PIECES.length)]);
                }
                values.add(s.toString());
            }
            Path index = dir.resolve("s" + i);
            write(index, values);
            try (IndexReader reader = IndexReader.open(index, new ReaderOptions(8 + 8 * random.nextInt(8), Long.MAX_VALUE))) {
                StringColumn column = reader.strings("s");
                assertEquals(values.size(), column.size(), "seed " + seed);
                for (int k = 0; k < values.size(); k++) {
                    assertEquals(values.get(k), column.get(k), "seed " + seed + ", string " + k);
                }
                assertThrows(IndexOutOfBoundsException.class, () -> column.get(values.size()), "seed " + seed);
                assertEquals(values, visited(column), "seed " + seed + ", forEachUtf8");
            }
        }
    }

    @Test
    void forEachUtf8VisitsEveryStringAcrossBlocks() {
        // more strings than one block of forEachUtf8, some longer than its first buffer
        List<String> values = IntStream.range(0, 9_000).mapToObj(i -> i % 1000 == 7 ? "é".repeat(40_000 + i) : "id-" + i).toList();
        write(dir, values);
        try (IndexReader reader = IndexReader.open(dir, new ReaderOptions(4096, Long.MAX_VALUE))) {
            assertEquals(values, visited(reader.strings("s")));
        }
    }

    private static List<String> visited(StringColumn column) {
        List<String> out = new ArrayList<>();
        column.forEachUtf8((i, bytes, from, length) -> {
            assertEquals(out.size(), i, "visited in order");
            out.add(new String(bytes, from, length, java.nio.charset.StandardCharsets.UTF_8));
        });
        return out;
    }

    @Test
    void anEmptyColumn() {
        write(dir, List.of());
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(0, reader.strings("s").size());
        }
    }

    @Test
    void unpairedSurrogatesAndNullsAreRefused() {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.addStrings("s", List.of("ok", "\uD800x")));
            assertEquals("value 1 of string part \"s\" is not valid Unicode (an unpaired surrogate)", e.getMessage());
            // a low surrogate first, a high one last, two high ones: each unpaired
            for (String bad : List.of("\uDC00x", "x\uD800", "\uD800\uD800\uDC00")) {
                assertThrows(IllegalArgumentException.class, () -> writer.addStrings("u", List.of(bad)), bad);
            }
            assertThrows(IllegalArgumentException.class, () -> writer.addStrings("t", Arrays.asList("a", null)));
        }
    }

    @Test
    void aMillionStringsOpenWithoutBeingDecoded() {
        List<String> ids = IntStream.range(0, 1_000_000).mapToObj(i -> "id-" + i).toList();
        write(dir, ids);
        // Checksumming at open would read the whole file; the point here is what the column itself costs.
        ReaderOptions noChecksum = new ReaderOptions(ReaderOptions.DEFAULT.maxChunkBytes(), 0);
        long start = System.nanoTime();
        try (IndexReader reader = IndexReader.open(dir, noChecksum)) {
            StringColumn column = reader.strings("s");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1_000_000, column.size());
            assertEquals("id-999999", column.get(999_999));
            assertEquals("id-123456", column.get(123_456));
            assertTrue(millis < 500, "opening took " + millis + " ms");
        }
    }

    private static void write(Path index, List<String> values) {
        try (IndexWriter writer = IndexWriter.open(index)) {
            writer.addStrings("s", values);
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
    }
}
