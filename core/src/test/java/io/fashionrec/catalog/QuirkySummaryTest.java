package io.fashionrec.catalog;

import static io.fashionrec.catalog.CatalogFixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user is shown after reading a catalog with several quirks at once. */
class QuirkySummaryTest {

    @Test
    void theSummaryCountsEachKindAndShowsTheFirstExamplesWithFileAndLine(@TempDir Path dir) throws IOException {
        CatalogFixtures.copy("quirky", dir);
        CatalogFixtures.touchImages(dir, "60001", "60003", "60005", "60006");
        ProblemReport problems = new ProblemReport();

        Catalog catalog = new StylesCsvReader().read(dir, problems);

        assertEquals(List.of("60001", "60003", "60005", "60006", "60007"), ids(catalog));
        String styles = dir.resolve("styles.csv").toString();
        assertEquals("7 problems: extra-fields-joined=1 missing-fields=1 missing-id=1 duplicate-id=1 empty-name=2 image-missing=1\n"
                + "  " + styles + ":2: row has 11 fields, header has 10: joined fields 10-11 into productDisplayName\n"
                + "  " + styles + ":3: this row has no id: skipped it\n"
                + "  " + styles + ":4: productDisplayName is empty: kept the product without a name\n"
                + "  " + styles + ":5: id 60001 was already read at line 2: kept that product and skipped this row\n"
                + "  " + styles + ":6: row has 4 fields, header has 10: left articleType, baseColour, season, year, usage, "
                + "productDisplayName empty\n"
                + "  ...\n", problems.summary(5));
    }
}
