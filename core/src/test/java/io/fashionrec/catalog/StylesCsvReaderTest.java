package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.assertOnly;
import static io.fashionrec.catalog.CatalogFixtures.copy;
import static io.fashionrec.catalog.CatalogFixtures.ids;
import static io.fashionrec.catalog.CatalogFixtures.lines;
import static io.fashionrec.catalog.CatalogFixtures.names;
import static io.fashionrec.catalog.CatalogFixtures.touchImages;
import static io.fashionrec.catalog.ProblemKind.DUPLICATE_ID;
import static io.fashionrec.catalog.ProblemKind.EMPTY_NAME;
import static io.fashionrec.catalog.ProblemKind.EXTRA_FIELDS_JOINED;
import static io.fashionrec.catalog.ProblemKind.MALFORMED_RECORD;
import static io.fashionrec.catalog.ProblemKind.MISSING_FIELDS;
import static io.fashionrec.catalog.ProblemKind.MISSING_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row-level quirks of real styles.csv files, one committed fixture each. */
class StylesCsvReaderTest {

    @TempDir
    Path dir;

    private final ProblemReport problems = new ProblemReport();

    private Catalog read(String fixture, String... idsWithImages) throws IOException {
        copy(fixture, dir);
        touchImages(dir, idsWithImages);
        return new StylesCsvReader().read(dir, problems);
    }

    private Path styles() {
        return dir.resolve("styles.csv");
    }

    @Test
    void unquotedCommasInTheNameAreJoinedBackIntoIt() throws IOException {
        Catalog catalog = read("extra-fields", "12345", "12346", "12347");

        assertEquals(List.of("12345", "12346", "12347"), ids(catalog));
        assertEquals(List.of("Peter England Men Blue, White Checked Shirt", "Catwalk Women Black, Gold, Silver Heels",
                "Nike Men Grey T-Shirt"), names(catalog));
        Product shirt = catalog.products().get(0);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gender", "Men");
        attributes.put("masterCategory", "Apparel");
        attributes.put("subCategory", "Topwear");
        attributes.put("articleType", "Shirts");
        attributes.put("baseColour", "Blue");
        attributes.put("season", "Fall");
        attributes.put("year", "2011");
        attributes.put("usage", "Casual");
        assertEquals(attributes, shirt.attributes());
        assertEquals(List.copyOf(attributes.keySet()), catalog.attributeNames());
        assertEquals(Map.of(EXTRA_FIELDS_JOINED, 2), problems.counts());
        assertEquals(List.of(2L, 3L), lines(problems, EXTRA_FIELDS_JOINED));
        assertEquals("row has 11 fields, header has 10: joined fields 10-11 into productDisplayName",
                problems.examples(EXTRA_FIELDS_JOINED).get(0).reason());
        assertEquals("row has 12 fields, header has 10: joined fields 10-12 into productDisplayName",
                problems.examples(EXTRA_FIELDS_JOINED).get(1).reason());
        assertEquals(new SourceLocation(styles(), 2), problems.examples(EXTRA_FIELDS_JOINED).get(0).where());
        assertEquals("12345", problems.examples(EXTRA_FIELDS_JOINED).get(0).productId());
    }

    @Test
    void columnsRightOfTheNameMapFromTheRight() throws IOException {
        Catalog catalog = read("extra-fields-middle", "7", "8");

        assertEquals(List.of("Levi's Blue, Slim Fit Jeans", "Puma Black Cap"), names(catalog));
        assertEquals(Map.of("gender", "Men", "year", "2012"), catalog.products().get(0).attributes());
        assertOnly(problems, EXTRA_FIELDS_JOINED, styles(), 2,
                "row has 5 fields, header has 4: joined fields 2-3 into productDisplayName");
        assertEquals(1, problems.total());
    }

    @Test
    void shortRowsAreKeptWithEmptyAttributes() throws IOException {
        Catalog catalog = read("missing-fields", "20001", "20002", "20003", "20004");

        assertEquals(List.of("20001", "20002", "20003", "20004"), ids(catalog));
        Product top = catalog.products().get(1);
        assertEquals("", top.name());
        assertEquals("Women", top.attribute("gender"));
        assertEquals("Topwear", top.attribute("subCategory"));
        assertEquals("", top.attribute("articleType"));
        assertEquals("", top.attribute("usage"));
        assertEquals(8, catalog.products().get(2).attributes().size());
        assertTrue(catalog.products().get(2).attributes().values().stream().allMatch(String::isEmpty));
        assertEquals(Map.of(MISSING_FIELDS, 2, EMPTY_NAME, 2), problems.counts());
        assertEquals(List.of(3L, 4L), lines(problems, MISSING_FIELDS));
        assertEquals(List.of(3L, 4L), lines(problems, EMPTY_NAME));
        assertEquals("row has 4 fields, header has 10: left articleType, baseColour, season, year, usage, productDisplayName empty",
                problems.examples(MISSING_FIELDS).get(0).reason());
    }

    @Test
    void emptyNamesAreKeptAndReported() throws IOException {
        Catalog catalog = read("empty-name", "21001", "21002", "21003", "21004");

        assertEquals(List.of("21001", "21002", "21003", "21004"), ids(catalog));
        assertEquals(List.of("", "", "", "Woodland Men Brown Shoes"), names(catalog));
        assertEquals(Map.of(EMPTY_NAME, 3), problems.counts());
        assertEquals(List.of(2L, 3L, 4L), lines(problems, EMPTY_NAME));
        assertEquals("productDisplayName is empty: kept the product without a name",
                problems.examples(EMPTY_NAME).get(0).reason());
    }

    @Test
    void rowsWithoutAnIdAreSkippedAndReported() throws IOException {
        Catalog catalog = read("missing-id", "22001", "22005");

        assertEquals(List.of("22001", "22005"), ids(catalog));
        assertEquals(Map.of(MISSING_ID, 3), problems.counts());
        assertEquals(List.of(3L, 4L, 5L), lines(problems, MISSING_ID));
        Problem first = problems.examples(MISSING_ID).get(0);
        assertEquals("this row has no id: skipped it", first.reason());
        assertEquals(null, first.productId());
    }

    @Test
    void aRepeatedIdKeepsTheFirstProduct() throws IOException {
        Catalog catalog = read("duplicate-id", "30001", "30002");

        assertEquals(List.of("30001", "30002"), ids(catalog));
        assertEquals("First Blue Shirt", catalog.products().get(0).name());
        assertEquals(Map.of(DUPLICATE_ID, 2), problems.counts());
        assertEquals(List.of(4L, 5L), lines(problems, DUPLICATE_ID));
        assertEquals("id 30001 was already read at line 2: kept that product and skipped this row",
                problems.examples(DUPLICATE_ID).get(1).reason());
    }

    @Test
    void blankAndWhitespaceLinesAreSkippedWithoutAReport() throws IOException {
        Catalog catalog = read("blank-lines", "31001", "31002");

        assertEquals(List.of("31001", "31002"), ids(catalog));
        assertEquals(3, catalog.products().get(0).origin().line());
        assertEquals(7, catalog.products().get(1).origin().line());
        assertEquals("Only Red Top", catalog.products().get(1).name());
        assertEquals(0, problems.total(), problems.summary(5));
    }

    @Test
    void quotedFieldsFollowRfc4180() throws IOException {
        Catalog catalog = read("quoted-fields", "40001", "40002", "40003", "40004", "40005");

        assertEquals(List.of("40001", "40002", "40003", "40004", "40005"), ids(catalog));
        assertEquals(List.of("Peter England Men Blue, White Checked Shirt", "Jealous 21 Women \"Party\" Dress",
                "Two-line\nname, with a comma", "Wildcraft Unisex Backpack", "Levi's 5\" Pocket Jeans"), names(catalog));
        assertEquals("Unisex", catalog.products().get(3).attribute("gender"));
        // The two-line record ends on line 5, so the next one starts on line 6.
        assertEquals(List.of(2L, 3L, 4L, 6L, 7L), catalog.products().stream().map(p -> p.origin().line()).toList());
        assertEquals(0, problems.total(), problems.summary(5));
    }

    @Test
    void anUnterminatedQuoteSkipsOnlyItsOwnLine() throws IOException {
        Catalog catalog = read("unterminated-quote", "50001", "50002", "50003", "50004");

        assertEquals(List.of("50001", "50003", "50004"), ids(catalog));
        assertEquals(List.of(4L, 5L), catalog.products().subList(1, 3).stream().map(p -> p.origin().line()).toList());
        assertEquals(Map.of(MALFORMED_RECORD, 1), problems.counts());
        assertOnly(problems, MALFORMED_RECORD, styles(), 3,
                "a quoted field opened on this line is never closed before the end of the file: skipped this line and read on from the next");
    }

    @Test
    void aQuoteStillOpenAfterTheLineLimitIsUnterminated() throws IOException {
        // Line 3 opens a quote; the next quote is on line 3 + MAX_LINES_PER_RECORD + 10, too far to close it.
        StringBuilder csv = new StringBuilder(CatalogFixtures.KAGGLE_HEADER).append('\n');
        csv.append("1,Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,Blue Shirt\n");
        csv.append("2,Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,\"Stray quote\n");
        int rows = CsvRecordReader.MAX_LINES_PER_RECORD + 10;
        for (int i = 3; i < 3 + rows; i++) {
            csv.append(i).append(",Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,Shirt ").append(i).append('\n');
        }
        csv.append(3 + rows).append(",Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,\"Quoted, properly\"\n");
        Files.writeString(styles(), csv);

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(rows + 2, catalog.size());
        assertEquals("Quoted, properly", catalog.products().get(catalog.size() - 1).name());
        assertEquals(rows + 4, catalog.products().get(catalog.size() - 1).origin().line());
        assertEquals(1, problems.count(MALFORMED_RECORD));
        assertEquals(List.of(3L), lines(problems, MALFORMED_RECORD));
        assertEquals("a quoted field opened on this line is still open after 100 lines: skipped this line and read on from the next",
                problems.examples(MALFORMED_RECORD).get(0).reason());
    }

    @Test
    void columnsAreFoundByHeaderNameInAnyCsvFile() throws IOException {
        copy("custom-columns", dir);
        Files.createDirectories(dir.resolve("images"));
        Files.createFile(dir.resolve("images/A-1.png"));
        Path csv = dir.resolve("products.csv");

        Catalog catalog = new StylesCsvReader().read(csv, problems);

        assertEquals(csv, catalog.source());
        assertEquals(List.of("SKU-Note", "brand", "price"), catalog.attributeNames());
        Product shirt = catalog.products().get(0);
        assertEquals("A-1", shirt.id());
        assertEquals("Linen Shirt", shirt.name());
        assertEquals("Breathable linen, relaxed fit", shirt.description());
        assertEquals("Linen Shirt\nBreathable linen, relaxed fit", shirt.text());
        assertEquals(Map.of("SKU-Note", "first", "brand", "Fabindia", "price", "1299"), shirt.attributes());
        assertEquals(dir.resolve("images/A-1.png"), shirt.image());
        assertEquals("", catalog.products().get(1).description());
        assertEquals(null, catalog.products().get(1).image());
        assertOnly(problems, ProblemKind.IMAGE_MISSING, csv, 3, "no image images/A-2.jpg; kept with its text only");
    }

    @Test
    void aHeaderWithoutANameColumnIsRejectedInOneSentence() {
        copy("no-name-column", dir);

        CatalogException e = assertThrows(CatalogException.class, () -> new StylesCsvReader().read(dir, problems));

        assertEquals(styles() + " has the columns [id, gender, title] but needs an 'id' column and a name column "
                + "('productDisplayName' or 'name'); rename the header accordingly", e.getMessage());
    }

    @Test
    void aHeaderWithoutAnIdColumnIsRejected() {
        copy("no-id-column", dir);

        CatalogException e = assertThrows(CatalogException.class, () -> new StylesCsvReader().read(dir, problems));

        assertTrue(e.getMessage().contains("has the columns [sku, productDisplayName] but needs an 'id' column"), e.getMessage());
    }

    @Test
    void aRepeatedColumnNameIsRejected() throws IOException {
        Files.writeString(styles(), "id,name,colour,Colour\n1,Shirt,Blue,Red\n");

        CatalogException e = assertThrows(CatalogException.class, () -> new StylesCsvReader().read(dir, problems));

        assertTrue(e.getMessage().contains("names the column 'Colour' twice (columns 3 and 4)"), e.getMessage());
    }

    @Test
    void anUnnamedColumnIsNamedByItsPosition() throws IOException {
        Files.writeString(styles(), ",id,name\n0,17,Blue Shirt\n");
        touchImages(dir, "17");

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(List.of("column1"), catalog.attributeNames());
        assertEquals(Map.of("column1", "0"), catalog.products().get(0).attributes());
        assertEquals(0, problems.total());
    }

    @Test
    void anEmptyFileOrADirectoryWithoutStylesCsvIsRejected() throws IOException {
        CatalogException noFile = assertThrows(CatalogException.class, () -> new StylesCsvReader().read(dir, problems));
        assertEquals(dir + " has no styles.csv: expected a directory with styles.csv and images/ (Kaggle layout)",
                noFile.getMessage());

        Files.writeString(styles(), "\n  \n");
        CatalogException empty = assertThrows(CatalogException.class, () -> new StylesCsvReader().read(dir, problems));
        assertTrue(empty.getMessage().startsWith(styles() + " is empty: expected a header line"), empty.getMessage());
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyCatalog() throws IOException {
        Files.writeString(styles(), CatalogFixtures.KAGGLE_HEADER);

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(0, catalog.size());
        assertEquals(8, catalog.attributeNames().size());
        assertEquals(0, problems.total());
    }
}
