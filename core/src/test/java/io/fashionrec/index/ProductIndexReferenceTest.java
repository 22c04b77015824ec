package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fashionrec.index.store.IndexReader;
import io.fashionrec.index.store.Manifest;
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
 * The committed product indexes must keep opening and answering the same: layout version 3 (image
 * segments in layers, as an update leaves them), version 2 (what a full build writes) and version
 * 1 (still read). Versions 2 and 3 must be written back byte for byte (a change means a new layout
 * version; see the READMEs in {@code src/test/resources/index-format/product-v2} and {@code product-v3}).
 */
class ProductIndexReferenceTest {

    private static final Path V1 = Path.of("src/test/resources/index-format/product-v1");
    private static final Path V2 = Path.of("src/test/resources/index-format/product-v2");
    private static final Path V3 = Path.of("src/test/resources/index-format/product-v3");

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

    /**
     * Layout 3 is the layout 2 reference's catalog updated after product 3's photo was replaced
     * by product 5's: it reads as the first build's rows, carried over, with product 3 now reading
     * product 5's rows from a second layer.
     */
    @Test
    void theLayeredReferenceIndexOpensAndReadsAsTheUpdatedCatalog() throws Exception {
        ProductIndex layered = ProductIndexFormat.read(V3);
        ProductIndex before = ProductIndexFormat.read(V2);
        assertTheTinyCatalog(layered);
        LayeredRows rows = assertInstanceOf(LayeredRows.class, layered.vectors().dense(1));
        assertEquals(2, rows.layers().size());
        assertEquals(1, rows.layers().get(1).rows().rows(), "one photo embedded again");
        int three = layered.products().ordinal("3");
        int five = before.products().ordinal("5");
        for (int s = 1; s <= 2; s++) {
            for (int i = 0; i < layered.size(); i++) {
                int expected = i == three ? five : before.products().ordinal(layered.products().id(i));
                assertArrayEquals(before.vectors().dense(s).row(expected), layered.vectors().dense(s).row(i), "segment " + s + ", product " + i);
            }
        }
        assertEquals(3, new Recommender(layered).similar("1", SearchOptions.top(3)).size());
    }

    /**
     * The layered reference read and written again into (a copy of) its own directory keeps
     * naming its image layers' files and gives every other file byte for byte, under the new
     * generation's name.
     */
    @Test
    void writingTheLayeredReferenceAgainInPlaceGivesTheSameBytes() throws Exception {
        Path copy = tmp.resolve("layered");
        Files.createDirectories(copy);
        for (String file : files(V3)) {
            Files.copy(V3.resolve(file), copy.resolve(file));
        }
        ProductIndexFormat.write(ProductIndexFormat.read(copy), copy, Progress.NONE);
        Manifest reference = IndexReader.open(V3).manifest();
        Manifest written = IndexReader.open(copy).manifest();
        assertEquals(3, written.generation());
        assertEquals(reference.content(), written.content());
        assertEquals(reference.parts().keySet(), written.parts().keySet());
        reference.parts().forEach((part, entry) -> {
            String file = written.parts().get(part).file();
            if (part.matches("segment_[12](_layer_\\d+)?")) {
                assertEquals(entry.file(), file, "image layer " + part + " is carried over");
            } else {
                assertEquals(entry.file().replace(".2.", ".3."), file);
                try {
                    assertArrayEquals(Files.readAllBytes(V3.resolve(entry.file())), Files.readAllBytes(copy.resolve(file)), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
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
