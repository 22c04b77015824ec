package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The committed product index of layout version 1 must keep opening, keep answering the same,
 * and be written back byte for byte (a change means a new layout version; see
 * {@code src/test/resources/index-format/product-v1/README.md}).
 */
class ProductIndexReferenceTest {

    private static final Path REFERENCE = Path.of("src/test/resources/index-format/product-v1");

    @TempDir
    Path tmp;

    @Test
    void theReferenceIndexOpensAndAnswersAsWhenItWasWritten() {
        ProductIndex index = ProductIndexFormat.read(REFERENCE);
        assertEquals(10, index.size());
        assertEquals(ProductReferenceIndex.CATALOG, index.catalog());
        assertEquals("Alder Women Navy Blue Tshirts", index.products().name(3));
        assertEquals("Footwear", index.products().attribute(4, "masterCategory"));
        assertEquals(ProductReferenceIndex.CATALOG.resolve("images/5.png"), index.imagePath(4));
        assertEquals(List.of("alder", "blue", "casual", "green", "harbor", "men", "navy", "northwind", "red", "shirt", "shoes",
                "sneakers", "solid", "tshirts", "women"), index.textModel().vocabulary());
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

    /**
     * Layout, not numerics: the reference index read and written again must give the same
     * bytes. (A change in how a model is fitted changes what a new build writes, not the layout.)
     */
    @Test
    void writingTheReferenceIndexAgainGivesTheSameBytes() throws Exception {
        Path fresh = tmp.resolve("index");
        ProductIndexFormat.write(ProductIndexFormat.read(REFERENCE), fresh, Progress.NONE);
        List<String> expected = files(REFERENCE).stream().filter(f -> !f.equals("README.md")).toList();
        assertEquals(expected, files(fresh).stream().filter(f -> !f.equals("write.lock")).toList());
        for (String file : expected) {
            assertArrayEquals(Files.readAllBytes(REFERENCE.resolve(file)), Files.readAllBytes(fresh.resolve(file)), file);
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
