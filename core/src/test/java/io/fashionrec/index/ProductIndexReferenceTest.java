package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fashionrec.progress.Progress;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed product indexes must keep opening and answering the same: layout version 2 (the
 * current one) and layout version 1 (still read). Version 2 must be written back byte for byte (a
 * change means a new layout version; see {@code src/test/resources/index-format/product-v2/README.md}).
 */
class ProductIndexReferenceTest {

    private static final Path V1 = Path.of("src/test/resources/index-format/product-v1");
    private static final Path V2 = Path.of("src/test/resources/index-format/product-v2");

    @TempDir
    Path tmp;

    @Test
    void theCurrentReferenceIndexOpensAndAnswersAsWhenItWasWritten() {
        ProductIndex index = ProductIndexFormat.read(V2);
        assertTheTinyCatalog(index);
        assertEquals("2f918633d5b2fa69f4f188a08aec1d37f6b0ce2398e6c8c8e74924e284e9d443", index.products().fingerprint(0));
        Recommender recommender = new Recommender(index);
        List<Recommendation> similar = recommender.similar("1", SearchOptions.top(3));
        assertEquals(List.of("2", "9", "3"), similar.stream().map(Recommendation::id).toList());
        assertEquals(0.875678, similar.get(0).score(), 1e-6);
        assertEquals(0.999457, similar.get(0).image(), 1e-6);
        assertEquals(0.319673, similar.get(0).text(), 1e-6);
        List<Recommendation> search = recommender.searchText("blue shoes", SearchOptions.top(3));
        assertEquals(List.of("6", "7", "10"), search.stream().map(Recommendation::id).toList());
        assertEquals(0.999836, search.get(0).alignment(), 1e-6);
    }

    /** Layout 1 predates fingerprints: it opens, answers as it did, and its products have no fingerprints. */
    @Test
    void theLayout1ReferenceIndexStillOpensAndAnswersAsWhenItWasWritten() {
        ProductIndex index = ProductIndexFormat.read(V1);
        assertTheTinyCatalog(index);
        assertFalse(index.products().hasFingerprints());
        assertFalse(ProductIndexFormat.readProducts(V1).hasFingerprints());
        Recommender recommender = new Recommender(index);
        List<Recommendation> similar = recommender.similar("1", SearchOptions.top(3));
        assertEquals(List.of("2", "9", "3"), similar.stream().map(Recommendation::id).toList());
        assertEquals(0.848246, similar.get(0).score(), 1e-6);
        assertEquals(0.999457, similar.get(0).image(), 1e-6);
        assertEquals(0.319673, similar.get(0).text(), 1e-6);
        List<Recommendation> search = recommender.searchText("blue shoes", SearchOptions.top(3));
        assertEquals(List.of("6", "7", "10"), search.stream().map(Recommendation::id).toList());
        assertEquals(0.999929, search.get(0).alignment(), 1e-6);
    }

    private static void assertTheTinyCatalog(ProductIndex index) {
        assertEquals(10, index.size());
        assertEquals(ProductReferenceIndex.CATALOG, index.catalog());
        assertEquals("Alder Women Navy Blue Tshirts", index.products().name(3));
        assertEquals("Footwear", index.products().attribute(4, "masterCategory"));
        assertEquals(ProductReferenceIndex.CATALOG.resolve("images/5.png"), index.imagePath(4));
        assertEquals(List.of("alder", "blue", "casual", "green", "harbor", "men", "navy", "northwind", "red", "shirt", "shoes",
                "sneakers", "solid", "tshirts", "women"), index.textModel().vocabulary());
    }

    /**
     * Layout, not numerics: the reference index read and written again must give the same
     * bytes. (A change in how a model is fitted changes what a new build writes, not the layout.)
     */
    @Test
    void writingTheReferenceIndexAgainGivesTheSameBytes() throws Exception {
        Path fresh = tmp.resolve("index");
        ProductIndexFormat.write(ProductIndexFormat.read(V2), fresh, Progress.NONE);
        List<String> expected = files(V2).stream().filter(f -> !f.equals("README.md")).toList();
        assertEquals(expected, files(fresh).stream().filter(f -> !f.equals("write.lock")).toList());
        for (String file : expected) {
            assertArrayEquals(Files.readAllBytes(V2.resolve(file)), Files.readAllBytes(fresh.resolve(file)), file);
        }
    }

    /** A layout 1 index written again is a layout 2 index without fingerprints, answering the same. */
    @Test
    void aLayout1IndexWrittenAgainIsCurrentWithoutFingerprints() {
        Path fresh = tmp.resolve("from-v1");
        ProductIndexFormat.write(ProductIndexFormat.read(V1), fresh, Progress.NONE);
        ProductIndex index = ProductIndexFormat.read(fresh);
        assertFalse(index.products().hasFingerprints());
        assertEquals(List.of("2", "9", "3"), new Recommender(index).similar("1", SearchOptions.top(3)).stream().map(Recommendation::id).toList());
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
