package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.catalog.SourceLocation;
import io.fashionrec.progress.Progress;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product fingerprints, stored with the index, tell the next build what was added, changed and removed. */
class IndexChangesTest {

    @TempDir
    Path tmp;

    private static ProductTable build(Path catalog) throws Exception {
        return IndexBuilder.builder().setImageEncoder(new MeanColourEncoder()).optThreads(2)
                .build(Catalogs.read(catalog, new ProblemReport())).index().products();
    }

    @Test
    void editsOfEveryKindAreCountedOnceAndTheRestIsUnchanged() throws Exception {
        Path catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(20).optSeed(5).optImageSize(48, 48).build().generate(catalog);
        Path index = tmp.resolve("index");
        ProductTable first = build(catalog);
        ProductIndexFormat.write(IndexBuilder.builder().setImageEncoder(new MeanColourEncoder())
                .build(Catalogs.read(catalog, new ProblemReport())).index(), index, Progress.NONE);

        // styles.csv: id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName
        List<String> lines = new ArrayList<>(Files.readAllLines(catalog.resolve("styles.csv")));
        lines.set(2, lines.get(2) + " Deluxe");                                  // product 2: a new name
        lines.set(3, lines.get(3).replaceFirst(",(Men|Women|Boys|Girls|Unisex),", ",Unisex2,")); // product 3: an attribute
        lines.remove(20);                                                        // product 20: removed
        lines.add(lines.get(1).replaceFirst("^1,", "21,"));                      // product 21: added, photo of 1
        Files.write(catalog.resolve("styles.csv"), lines);
        Files.copy(catalog.resolve("images/1.jpg"), catalog.resolve("images/21.jpg"));
        Files.copy(catalog.resolve("images/5.jpg"), catalog.resolve("images/4.jpg"), StandardCopyOption.REPLACE_EXISTING); // 4: photo
        ProductTable second = build(catalog);

        assertEquals(new IndexChanges(1, 3, 1, 16), IndexChanges.between(first, second));
        assertEquals(new IndexChanges(1, 3, 1, 16), IndexChanges.between(ProductIndexFormat.readProducts(index), second),
                "the fingerprints read back from disk are those of the build");
        assertEquals(new IndexChanges(0, 0, 0, 20), IndexChanges.between(second, second));
        assertNotEquals(second.fingerprint(second.ordinal("1")), second.fingerprint(second.ordinal("21")),
                "the same photo and text under another id is another product");
    }

    @Test
    void withoutFingerprintsOnlyAddedAndRemovedAreKnown() {
        ProductTable unfingerprinted = table(List.of("a", "b", "c"), null);
        ProductTable next = table(List.of("b", "c", "d", "e"), List.of("1", "2", "3", "4"));
        IndexChanges changes = IndexChanges.between(unfingerprinted, next);
        assertEquals(new IndexChanges(2, -1, 1, -1), changes);
        assertFalse(changes.changesKnown());
        assertTrue(IndexChanges.between(next, next).changesKnown());
    }

    /** A fixed example: the digest of version 1 must not drift, or every product of every index would count as changed. */
    @Test
    void theFingerprintOfAFixedProductIsPinned() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gender", "Women");
        attributes.put("baseColour", "Navy Blue");
        Product p = new Product("7", "Navy Tshirt", "", Path.of("images/7.jpg"), attributes, new SourceLocation(Path.of("styles.csv"), 8));
        byte[] photo = EmbeddingCache.sha256("photo bytes".getBytes());
        String fingerprint = ProductFingerprint.of(p, "images/7.jpg", List.of("gender", "baseColour", "season"), photo);
        // Computed independently (Python hashlib) from the encoding the class documents.
        assertEquals("68f95deaa8a42536a464d4e0246416fed0b958b9ea6f5a680a602289d86cabb0", fingerprint);
        assertNotEquals(fingerprint, ProductFingerprint.of(p, "images/7.jpg", List.of("gender", "baseColour", "season"), null));
        Product moved = new Product("7", "Navy", "Tshirt", Path.of("images/7.jpg"), attributes, p.origin());
        assertNotEquals(fingerprint, ProductFingerprint.of(moved, "images/7.jpg", List.of("gender", "baseColour", "season"), photo),
                "text moved from the name into the description is a change");
    }

    private static ProductTable table(List<String> ids, List<String> fingerprints) {
        List<String> empty = ids.stream().map(id -> "").toList();
        return new ProductTable(ProductTable.Column.of(ids), ProductTable.Column.of(empty), ProductTable.Column.of(empty),
                ProductTable.Column.of(empty), List.of(), a -> null, fingerprints == null ? null : ProductTable.Column.of(fingerprints), null);
    }
}
