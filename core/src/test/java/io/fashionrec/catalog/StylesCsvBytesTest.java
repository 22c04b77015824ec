package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.KAGGLE_HEADER;
import static io.fashionrec.catalog.CatalogFixtures.ids;
import static io.fashionrec.catalog.CatalogFixtures.lines;
import static io.fashionrec.catalog.CatalogFixtures.names;
import static io.fashionrec.catalog.CatalogFixtures.touchImages;
import static io.fashionrec.catalog.ProblemKind.INVALID_ENCODING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-level quirks (BOM, line ends, non-UTF-8 bytes), written by the tests because they are binary. */
class StylesCsvBytesTest {

    private static final String ROW_1 = "1,Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,Arrow Men Blue Shirt";
    private static final String ROW_2 = "2,Women,Apparel,Topwear,Tops,Red,Summer,2012,Casual,Only Red Top";

    @TempDir
    Path dir;

    private final ProblemReport problems = new ProblemReport();

    private Catalog read(byte[] styles) throws IOException {
        Files.write(dir.resolve("styles.csv"), styles);
        touchImages(dir, "1", "2", "3");
        return new StylesCsvReader().read(dir, problems);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkIsStripped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(utf8(KAGGLE_HEADER + "\n" + ROW_1 + "\n"));

        Catalog catalog = read(bytes.toByteArray());

        assertEquals(List.of("1"), ids(catalog));
        assertEquals("Men", catalog.products().get(0).attribute("gender"));
        assertEquals(0, problems.total());
    }

    @ParameterizedTest(name = "line end {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void everyLineEndIsALineEndWithOrWithoutAFinalOne(String lineEnd) throws IOException {
        String end = switch (lineEnd) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        touchImages(dir, "1", "2", "3");
        String multiLine = "3,Men,Apparel,Topwear,Shirts,White,Fall,2011,Formal,\"Two" + end + "lines\"";
        for (String last : List.of("", end)) {
            ProblemReport report = new ProblemReport();
            Files.write(dir.resolve("styles.csv"), utf8(KAGGLE_HEADER + end + ROW_1 + end + end + ROW_2 + end + multiLine + last));

            Catalog catalog = new StylesCsvReader().read(dir, report);

            assertEquals(List.of("1", "2", "3"), ids(catalog), lineEnd + " final=" + !last.isEmpty());
            assertEquals(List.of("Arrow Men Blue Shirt", "Only Red Top", "Two\nlines"), names(catalog));
            assertEquals(List.of(2L, 4L, 5L), catalog.products().stream().map(p -> p.origin().line()).toList());
            assertEquals("Casual", catalog.products().get(1).attribute("usage"));
            assertEquals(0, report.total(), report.summary(5));
        }
    }

    @Test
    void windows1252BytesAreDecodedAsWindows1252AndReportedPerLine() throws IOException {
        String prefix = "1,Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,Caf";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(KAGGLE_HEADER + "\n" + prefix));
        bytes.write(0xE9);
        bytes.writeBytes(utf8(" Men Shirt\n2,Women,Apparel,Topwear,Tops,Red,Summer,2012,Casual,"));
        bytes.write(0x93);
        bytes.writeBytes(utf8("Smart"));
        bytes.write(0x94);
        bytes.writeBytes(utf8(" Top\n3,Women,Apparel,Dress,Dresses,Cream,Summer,2012,Party,Crème Brûlée Dress\n"));

        Catalog catalog = read(bytes.toByteArray());

        assertEquals(List.of("Café Men Shirt", "\u201cSmart\u201d Top", "Crème Brûlée Dress"), names(catalog));
        assertEquals(Map.of(INVALID_ENCODING, 2), problems.counts());
        assertEquals(List.of(2L, 3L), lines(problems, INVALID_ENCODING));
        Problem first = problems.examples(INVALID_ENCODING).get(0);
        assertEquals("byte " + (prefix.length() + 1) + " of the line (0xE9) is not valid UTF-8: decoded the line as Windows-1252",
                first.reason());
        assertEquals("1", first.productId());
    }

    @Test
    void aBadByteInsideAMultiLineFieldIsReportedOnItsOwnLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(KAGGLE_HEADER + "\n" + "1,Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual,\"Blue\nna"));
        bytes.write(0xEF);
        bytes.writeBytes(utf8("ve Shirt\"\n" + ROW_2 + "\n"));

        Catalog catalog = read(bytes.toByteArray());

        assertEquals(List.of("Blue\nnaïve Shirt", "Only Red Top"), names(catalog));
        assertEquals(Map.of(INVALID_ENCODING, 1), problems.counts());
        Problem problem = problems.examples(INVALID_ENCODING).get(0);
        assertEquals(new SourceLocation(dir.resolve("styles.csv"), 3), problem.where());
        assertEquals("byte 3 of the line (0xEF) is not valid UTF-8: decoded the line as Windows-1252", problem.reason());
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsInvalid() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(KAGGLE_HEADER + "\n" + ROW_1));
        bytes.write(0xC3);

        Catalog catalog = read(bytes.toByteArray());

        assertEquals(List.of("Arrow Men Blue Shirt\u00c3"), names(catalog));
        assertEquals(List.of(2L), lines(problems, INVALID_ENCODING));
    }
}
