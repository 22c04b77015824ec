package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.progress.Progress;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build above its {@link BuildLimits} stops before its heavy part; at or under them it is the
 * build it would be without limits.
 */
class BuildLimitsTest {

    private static final int PRODUCTS = 20;

    @TempDir
    Path tmp;

    private Path catalog;
    private Path index;

    private IndexBuilder.Result build(BuildLimits limits, GraphPolicy graph, boolean overPrevious) throws Exception {
        IndexBuilder builder = IndexBuilder.builder().setImageEncoder(new MeanColourEncoder()).optThreads(2).optGraph(graph)
                .optBuildLimits(limits);
        if (overPrevious) {
            builder.optPrevious(PreviousIndex.open(index));
        }
        return builder.build(Catalogs.read(catalog, new ProblemReport()));
    }

    /** Generates the catalog with photos an hour old and writes its index. */
    private void indexed(GraphPolicy graph) throws Exception {
        catalog = tmp.resolve("catalog");
        index = tmp.resolve("index");
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(5).optImageSize(48, 48).build().generate(catalog);
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        for (int id = 1; id <= PRODUCTS; id++) {
            Files.setLastModifiedTime(catalog.resolve("images/" + id + ".jpg"), anHourAgo);
        }
        ProductIndexFormat.write(build(BuildLimits.NONE, graph, false).index(), index, Progress.NONE);
    }

    @Test
    void photosToEmbedAreCountedBeforeAnyIsRead() throws Exception {
        indexed(GraphPolicy.NEVER);
        BuildTooLargeException first = assertThrows(BuildTooLargeException.class,
                () -> build(new BuildLimits(PRODUCTS - 1, Integer.MAX_VALUE), GraphPolicy.NEVER, false));
        assertEquals("20 new or changed photos to embed, more than 19", first.getMessage(), "a first build embeds every photo");

        FileTime aMinuteAgo = FileTime.from(Instant.now().minusSeconds(60));
        for (int id = 2; id <= 4; id++) {
            Path photo = catalog.resolve("images/" + id + ".jpg");
            Files.copy(catalog.resolve("images/1.jpg"), photo, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(photo, aMinuteAgo);
        }
        BuildTooLargeException update = assertThrows(BuildTooLargeException.class,
                () -> build(new BuildLimits(2, Integer.MAX_VALUE), GraphPolicy.NEVER, true));
        assertEquals("3 new or changed photos to embed, more than 2", update.getMessage());

        IndexBuilder.Result atTheLimit = build(new BuildLimits(3, Integer.MAX_VALUE), GraphPolicy.NEVER, true);
        IndexBuilder.Result unlimited = build(BuildLimits.NONE, GraphPolicy.NEVER, true);
        assertEquals(3, atTheLimit.imagesEmbedded());
        assertArrayEquals(Rows.values(unlimited.index().vectors().dense(1)), Rows.values(atTheLimit.index().vectors().dense(1)));
    }

    @Test
    void graphInsertsAreCountedBeforeTheGraphIsTouched() throws Exception {
        indexed(GraphPolicy.ALWAYS);
        BuildTooLargeException fromScratch = assertThrows(BuildTooLargeException.class,
                () -> build(new BuildLimits(Integer.MAX_VALUE, PRODUCTS - 1), GraphPolicy.ALWAYS, false));
        assertEquals("20 products to insert into the search graph (built from scratch), more than 19", fromScratch.getMessage());

        // Two new names (the name is the last column): two changed products, no photo to embed.
        List<String> lines = new ArrayList<>(Files.readAllLines(catalog.resolve("styles.csv")));
        lines.set(3, lines.get(3) + " Limited");
        lines.set(9, lines.get(9) + " Edition");
        Files.write(catalog.resolve("styles.csv"), lines);
        BuildTooLargeException refresh = assertThrows(BuildTooLargeException.class,
                () -> build(new BuildLimits(0, 1), GraphPolicy.ALWAYS, true));
        assertEquals("2 products to insert into the search graph, more than 1", refresh.getMessage());

        IndexBuilder.Result atTheLimit = build(new BuildLimits(0, 2), GraphPolicy.ALWAYS, true);
        assertEquals(GraphBuild.Kind.REFRESHED, atTheLimit.graph().kind());
        assertEquals(2, atTheLimit.graph().inserted());
        assertEquals(0, atTheLimit.imagesEmbedded());
    }
}
