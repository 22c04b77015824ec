package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.testing.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared 2,000-product sample of the public Kaggle catalog, read as a user would read it. */
class SampleCatalogTest {

    @Test
    void theSampleReadsCompletelyWithEveryImage() throws IOException {
        Path sample = SampleData.catalog();
        ProblemReport problems = new ProblemReport();

        Catalog catalog = Catalogs.read(sample, problems);

        assertEquals(2_000, catalog.size());
        // The sample was checked before writing this: all rows have 10 fields, unique ids, a name
        // and an image, in plain UTF-8 with LF line ends.
        assertEquals(0, problems.total(), problems.summary(10));
        assertEquals(List.of("gender", "masterCategory", "subCategory", "articleType", "baseColour", "season", "year", "usage"),
                catalog.attributeNames());
        assertEquals(2_000, new HashSet<>(CatalogFixtures.ids(catalog)).size());
        for (Product product : catalog.products()) {
            assertEquals(sample.resolve("images").resolve(product.id() + ".jpg"), product.image(), product.id());
            assertTrue(Files.isRegularFile(product.image()), product.id());
            assertTrue(!product.name().isEmpty(), product.id());
        }
        Product first = catalog.products().get(0);
        assertEquals("10000", first.id());
        assertEquals("Palm Tree Girls Sp Jace Sko White Skirts", first.name());
        assertEquals("Skirts", first.attribute("articleType"));
        assertEquals(new SourceLocation(sample.resolve("styles.csv"), 2), first.origin());
    }
}
