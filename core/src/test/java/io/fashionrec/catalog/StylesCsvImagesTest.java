package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.ids;
import static io.fashionrec.catalog.CatalogFixtures.lines;
import static io.fashionrec.catalog.ProblemKind.IMAGE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a styles.csv product finds its image file, and how an id that could escape images/ is refused. */
class StylesCsvImagesTest {

    @TempDir
    Path dir;

    private final ProblemReport problems = new ProblemReport();

    private Catalog read(List<String> ids, String... imageFiles) throws IOException {
        String rows = ids.stream().map(id -> "\"" + id + "\",Name of " + id.replace("\"", "") + "\n").collect(Collectors.joining());
        Files.writeString(dir.resolve("styles.csv"), "id,name\n" + rows);
        Path images = Files.createDirectories(dir.resolve("images"));
        for (String file : imageFiles) {
            Files.createFile(images.resolve(file));
        }
        return new StylesCsvReader().read(dir, problems);
    }

    @Test
    void theFirstExistingExtensionWinsInOrderJpgJpegPngWebp() throws IOException {
        Catalog catalog = read(List.of("1", "2", "3", "4", "5"),
                "1.png", "1.jpg", "2.png", "2.jpeg", "3.webp", "3.png", "4.webp", "5.gif", "5.jpg.bak");

        List<Path> images = catalog.products().stream().map(Product::image).toList();
        assertEquals(List.of("1.jpg", "2.jpeg", "3.png", "4.webp"),
                images.subList(0, 4).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(dir.resolve("images").resolve("1.jpg"), images.get(0));
        assertNull(images.get(4));
        assertEquals(Map.of(IMAGE_MISSING, 1), problems.counts());
        CatalogFixtures.assertOnly(problems, IMAGE_MISSING, dir.resolve("styles.csv"), 6,
                "no image images/5.jpg; kept with its text only");
    }

    @Test
    void withoutAnImagesDirectoryEveryProductIsKeptWithItsTextOnly() throws IOException {
        Files.writeString(dir.resolve("styles.csv"), "id,name\n1,Blue Shirt\n2,Red Top\n");

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(List.of("1", "2"), ids(catalog));
        assertEquals(List.of(2L, 3L), lines(problems, IMAGE_MISSING));
    }

    @Test
    void anIdThatCouldEscapeTheImagesDirectoryNeverBuildsAPath() throws IOException {
        // Files an unsafe id would reach if it were used as a file name.
        Files.createFile(dir.resolve("secret.jpg"));
        Files.createDirectories(dir.resolve("images/a"));
        Files.createFile(dir.resolve("images/a/b.jpg"));
        List<String> unsafe = List.of("../secret", "a/b", "a\\b", "/etc/passwd", "..", "x\u0001y", "tab\there");

        Catalog catalog = read(unsafe, "ok.jpg");

        assertEquals(unsafe, ids(catalog));
        catalog.products().forEach(p -> assertNull(p.image(), p.id()));
        assertEquals(Map.of(IMAGE_MISSING, unsafe.size()), problems.counts());
        List<String> reasons = problems.examples(IMAGE_MISSING).stream().map(Problem::reason).toList();
        assertEquals(List.of(
                "id '../secret' cannot name an image file because it contains '/'; kept with its text only",
                "id 'a/b' cannot name an image file because it contains '/'; kept with its text only",
                "id 'a\\b' cannot name an image file because it contains '\\'; kept with its text only",
                "id '/etc/passwd' cannot name an image file because it contains '/'; kept with its text only",
                "id '..' cannot name an image file because it contains '..'; kept with its text only",
                "id 'x\\u0001y' cannot name an image file because it contains the control character U+0001; kept with its text only",
                "id 'tab\\u0009here' cannot name an image file because it contains the control character U+0009; kept with its text only"),
                reasons);
    }

    @Test
    void idsThatLookOddButStayInsideTheDirectoryFindTheirImage() throws IOException {
        Catalog catalog = read(List.of("SKU 12.5", "café", ".hidden"), "SKU 12.5.jpg", "café.png", ".hidden.webp");

        catalog.products().forEach(p -> assertEquals(dir.resolve("images"), p.image().getParent(), p.id()));
        assertEquals(0, problems.total(), problems.summary(5));
    }
}
