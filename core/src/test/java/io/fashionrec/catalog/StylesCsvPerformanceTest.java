package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog the size of the full public styles.csv (44k rows) must read in linear time. There is no
 * timing assertion (the machine is shared); a quadratic reader would make this test take minutes
 * instead of well under a second.
 */
class StylesCsvPerformanceTest {

    private static final int ROWS = 50_000;

    @Test
    void fiftyThousandRowsWithImagesAndQuirks(@TempDir Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("styles.csv"))) {
            out.write(CatalogFixtures.KAGGLE_HEADER);
            out.write('\n');
            for (int id = 1; id <= ROWS; id++) {
                String name = id % 100 == 0 ? "Peter England Men Blue, White Checked Shirt " + id : "Arrow Men Blue Shirt " + id;
                out.write(id + ",Men,Apparel,Topwear,Shirts,Blue,Fall,2011,Casual," + name + "\n");
                // Creating files dominates this test's time, so only one product in ten has an image.
                if (id % 10 == 0) {
                    Files.createFile(images.resolve(id + ".jpg"));
                }
            }
        }
        ProblemReport problems = new ProblemReport();

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(ROWS, catalog.size());
        assertEquals(ROWS / 100, problems.count(ProblemKind.EXTRA_FIELDS_JOINED));
        assertEquals(ROWS - ROWS / 10, problems.count(ProblemKind.IMAGE_MISSING));
        assertEquals(ROWS / 100 + ROWS - ROWS / 10, problems.total());
        assertEquals(images.resolve("50000.jpg"), catalog.products().get(ROWS - 1).image());
    }
}
