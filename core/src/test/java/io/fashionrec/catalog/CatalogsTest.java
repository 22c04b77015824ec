package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reader {@link Catalogs#read} chooses for which source. */
class CatalogsTest {

    private static final String CSV = "id,name,colour\n1,Blue Shirt,Blue\n";
    private static final String JSONL = "{\"id\": 7, \"name\": \"Red Top\", \"size\": \"M\"}\n";

    @TempDir
    Path dir;

    private Catalog read(Path source) throws IOException {
        return Catalogs.read(source, new ProblemReport());
    }

    @Test
    void aDirectoryWithStylesCsvIsReadAsKaggleLayout() throws IOException {
        Files.writeString(dir.resolve("styles.csv"), CSV);
        Files.writeString(dir.resolve("products.jsonl"), JSONL);

        Catalog catalog = read(dir);

        assertEquals(List.of("1"), ids(catalog));
        assertEquals(List.of("colour"), catalog.attributeNames());
    }

    @Test
    void aCsvFileIsReadAsCsvWhateverItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("Export.CSV"), CSV);

        assertEquals(List.of("1"), ids(read(file)));
    }

    @Test
    void jsonLinesFilesAndDirectoriesAreReadAsJsonLines() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("shop.jsonl"), JSONL);
        Path ndjson = Files.writeString(dir.resolve("shop.ndjson"), JSONL);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("products.jsonl"), JSONL);

        for (Path source : List.of(jsonl, ndjson, sub)) {
            Catalog catalog = read(source);
            assertEquals(List.of("7"), ids(catalog), source.toString());
            assertEquals(List.of("size"), catalog.attributeNames(), source.toString());
        }
    }

    @Test
    void anythingElseIsRejectedNamingThePath() throws IOException {
        Path text = Files.writeString(dir.resolve("products.txt"), CSV);

        for (Path source : List.of(text, dir)) {
            CatalogException e = assertThrows(CatalogException.class, () -> read(source));
            assertEquals(source + ": expected a directory with styles.csv (Kaggle layout) or a .jsonl file", e.getMessage());
        }
    }

    @Test
    void aMissingPathIsRejectedSayingItDoesNotExist() {
        Path missing = dir.resolve("no-such-catalog");

        CatalogException e = assertThrows(CatalogException.class, () -> read(missing));

        assertEquals(missing + " does not exist: give a catalog directory with styles.csv or a .jsonl file", e.getMessage());
    }
}
