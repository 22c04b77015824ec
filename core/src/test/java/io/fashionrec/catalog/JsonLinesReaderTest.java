package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.assertOnly;
import static io.fashionrec.catalog.CatalogFixtures.copy;
import static io.fashionrec.catalog.CatalogFixtures.ids;
import static io.fashionrec.catalog.CatalogFixtures.lines;
import static io.fashionrec.catalog.CatalogFixtures.names;
import static io.fashionrec.catalog.ProblemKind.DUPLICATE_ID;
import static io.fashionrec.catalog.ProblemKind.EMPTY_NAME;
import static io.fashionrec.catalog.ProblemKind.IMAGE_MISSING;
import static io.fashionrec.catalog.ProblemKind.INVALID_ENCODING;
import static io.fashionrec.catalog.ProblemKind.MALFORMED_RECORD;
import static io.fashionrec.catalog.ProblemKind.MISSING_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {

    @TempDir
    Path dir;

    private final ProblemReport problems = new ProblemReport();

    @Test
    void keysBecomeProductFieldsAndAttributesInOrderOfFirstAppearance() throws IOException {
        copy("jsonl-basic", dir);
        Files.createDirectories(dir.resolve("img"));
        Files.createFile(dir.resolve("img/j1.jpg"));

        Catalog catalog = new JsonLinesReader().read(dir, problems);

        assertEquals(dir, catalog.source());
        assertEquals(List.of("J-1", "2", "J-3"), ids(catalog));
        assertEquals(List.of("Linen Shirt", "Wool Scarf", ""), names(catalog));
        assertEquals(List.of("brand", "price", "tags", "colour", "onSale", "size", "rating"), catalog.attributeNames());
        Product shirt = catalog.products().get(0);
        assertEquals("Breathable linen", shirt.description());
        assertEquals(dir.resolve("img/j1.jpg"), shirt.image());
        Map<String, String> shirtAttributes = new LinkedHashMap<>();
        shirtAttributes.put("brand", "Fabindia");
        shirtAttributes.put("price", "1299");
        shirtAttributes.put("tags", "[\"summer\",\"linen\"]");
        assertEquals(shirtAttributes, shirt.attributes());
        assertEquals(List.copyOf(shirtAttributes.keySet()), List.copyOf(shirt.attributes().keySet()));
        Product scarf = catalog.products().get(1);
        assertNull(scarf.image());
        assertEquals("true", scarf.attribute("onSale"));
        assertEquals("{\"w\":30,\"h\":180}", scarf.attribute("size"));
        Product third = catalog.products().get(2);
        assertEquals(Map.of("rating", "4.5"), third.attributes());
        assertNull(third.image());
        Path file = dir.resolve("products.jsonl");
        assertEquals(new SourceLocation(file, 3), third.origin());
        assertEquals(Map.of(IMAGE_MISSING, 1, EMPTY_NAME, 1), problems.counts());
        assertOnly(problems, IMAGE_MISSING, file, 2, "no image img/missing.jpg; kept with its text only");
        assertOnly(problems, EMPTY_NAME, file, 3, "name is empty: kept the product without a name");
    }

    @Test
    void badLinesAreReportedAndSkippedWhileTheOthersAreKept() throws IOException {
        copy("jsonl-quirks", dir);
        Path file = dir.resolve("catalog.ndjson");

        Catalog catalog = new JsonLinesReader().read(file, problems);

        assertEquals(List.of("Q-1", "Q-8"), ids(catalog));
        assertEquals(List.of("Good One", "Spaced Id"), names(catalog));
        assertEquals(Map.of(MALFORMED_RECORD, 3, MISSING_ID, 2, DUPLICATE_ID, 1), problems.counts());
        assertEquals(List.of(2L, 3L, 8L), lines(problems, MALFORMED_RECORD));
        List<String> malformed = problems.examples(MALFORMED_RECORD).stream().map(Problem::reason).toList();
        assertTrue(malformed.get(0).startsWith("line is not valid JSON (") && malformed.get(0).endsWith("): skipped it"),
                malformed.get(0));
        assertEquals("line is a JSON array, not an object: skipped it", malformed.get(1));
        assertTrue(malformed.get(2).startsWith("line is not valid JSON (") && !malformed.get(2).contains("\n"), malformed.get(2));
        assertEquals(List.of(4L, 5L), lines(problems, MISSING_ID));
        assertEquals(List.of("this record has no id: skipped it", "id is true, not a string or a number: skipped this record"),
                problems.examples(MISSING_ID).stream().map(Problem::reason).toList());
        assertOnly(problems, DUPLICATE_ID, file, 6, "id Q-1 was already read at line 1: kept that product and skipped this record");
    }

    @Test
    void anAbsoluteImagePathIsUsedAsItIs(@TempDir Path elsewhere) throws IOException {
        Path image = Files.createFile(elsewhere.resolve("photo.webp"));
        Path file = dir.resolve("shop.jsonl");
        Files.writeString(file, "{\"id\": 1, \"name\": \"Shirt\", \"image\": \"" + image + "\"}\n"
                + "{\"id\": 2, \"name\": \"Top\", \"image\": 17}\n");

        Catalog catalog = new JsonLinesReader().read(file, problems);

        assertEquals(image, catalog.products().get(0).image());
        assertNull(catalog.products().get(1).image());
        assertOnly(problems, IMAGE_MISSING, file, 2, "image is 17, not a path; kept with its text only");
    }

    @Test
    void bomLineEndsAndWindows1252BytesAreHandledAsInCsv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes("{\"id\": 1, \"name\": \"Shirt\"}\r\n\r\n{\"id\": 2, \"name\": \"Caf".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9);
        bytes.writeBytes("\"}\r{\"id\": 3, \"name\": \"Top\"}".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("shop.jsonl");
        Files.write(file, bytes.toByteArray());

        Catalog catalog = new JsonLinesReader().read(file, problems);

        assertEquals(List.of("Shirt", "Café", "Top"), names(catalog));
        assertEquals(List.of(1L, 3L, 4L), catalog.products().stream().map(p -> p.origin().line()).toList());
        assertOnly(problems, INVALID_ENCODING, file, 3,
                "byte 23 of the line (0xE9) is not valid UTF-8: decoded the line as Windows-1252");
        assertEquals("2", problems.examples(INVALID_ENCODING).get(0).productId());
    }

    @Test
    void aDirectoryWithoutProductsJsonlIsRejected() {
        CatalogException e = assertThrows(CatalogException.class, () -> new JsonLinesReader().read(dir, problems));

        assertEquals(dir + " has no products.jsonl: expected a .jsonl file or a directory holding products.jsonl", e.getMessage());
    }
}
