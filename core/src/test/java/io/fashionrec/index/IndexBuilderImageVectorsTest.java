package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.catalog.SourceLocation;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IndexBuilder#buildFromImageVectors}: vectors from elsewhere, normalised in place, one row per product. */
class IndexBuilderImageVectorsTest {

    private static final EncoderDescriptor ENCODER = new EncoderDescriptor("precomputed", 1, 3, "test vectors", "");

    @TempDir
    Path tmp;

    private static Catalog catalog(String... names) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            products.add(new Product(String.valueOf(100 + i), names[i], "", null, Map.of(), new SourceLocation(Path.of("names.csv"), i + 2)));
        }
        return new Catalog(Path.of("names.csv"), products, List.of(), new ProblemReport());
    }

    @Test
    void rowsAreNormalisedInPlaceAndAZeroRowMeansNoImage() {
        FloatMatrix vectors = new FloatMatrix(3, 3, new float[] {3, 4, 0, 0, 0, 0, 0, 0, 2});
        ProductIndex index = IndexBuilder.builder().buildFromImageVectors(catalog("red shirt", "blue shirt", "red shoe"), vectors, ENCODER)
                .index();
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0, 0, 0, 0, 0, 1}, vectors.data(), "the matrix handed over is normalised");
        assertEquals(2, index.vectors().layout().size(), "text and one image segment, no alignment");
        assertNull(index.alignment());
        assertEquals(ENCODER, index.imageEncoder());
        assertEquals(0b11, index.vectors().mask(0));
        assertEquals(0b01, index.vectors().mask(1), "a zero row is no image vector");
        assertArrayEquals(new float[] {0.6f, 0.8f, 0}, index.vectors().dense(1).row(0));
    }

    @Test
    void theIndexWrittenAndReadAgainAnswersByImageAndText() {
        // 0 and 2 look alike, 0 and 1 read alike
        FloatMatrix vectors = new FloatMatrix(4, 3, new float[] {1, 0, 0, 0, 1, 0, 0.9f, 0.1f, 0, 0, 0, 1});
        ProductIndex built = IndexBuilder.builder()
                .buildFromImageVectors(catalog("red linen shirt", "red linen dress", "blue cap", "green sock"), vectors, ENCODER).index();
        ProductIndexFormat.write(built, tmp, io.fashionrec.progress.Progress.NONE);
        ProductIndex read = ProductIndexFormat.read(tmp);
        assertEquals(ENCODER, read.imageEncoder());
        List<Recommendation> similar = new Recommender(read).similar("100", SearchOptions.top(3));
        assertEquals("102", similar.get(0).id(), "the nearest image first: " + similar);
        assertTrue(similar.stream().anyMatch(r -> r.id().equals("101") && r.text() > 0), "the shared words count: " + similar);
    }

    @Test
    void rowsNotOnePerProductAreRefusedWithBothCounts() {
        FloatMatrix vectors = FloatMatrix.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndexBuilder.builder().buildFromImageVectors(catalog("a", "b", "c"), vectors, ENCODER));
        assertTrue(e.getMessage().contains("2 rows") && e.getMessage().contains("3 products"), e.getMessage());
    }
}
