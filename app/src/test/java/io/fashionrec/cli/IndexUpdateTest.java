package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.synthetic.CatalogGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index} over an existing index of the same catalog is an update: it says what changed and embeds only new photos. */
class IndexUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void anUpdateCountsAddedChangedAndRemovedProductsAndEmbedsOnlyNewPhotos() throws Exception {
        Path catalog = tmp.resolve("catalog");
        Path index = tmp.resolve("index");
        CatalogGenerator.builder().optProducts(30).optSeed(11).optImageSize(48, 48).build().generate(catalog);
        JsonNode first = JSON.readTree(run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--json"));
        assertTrue(first.path("changes").isNull(), "a first build has nothing to compare with: " + first);

        Path other = tmp.resolve("other");
        CatalogGenerator.builder().optProducts(2).optSeed(12).optImageSize(48, 48).build().generate(other);
        // styles.csv: id,gender,...,productDisplayName (the name is the last column)
        List<String> lines = new ArrayList<>(Files.readAllLines(catalog.resolve("styles.csv")));
        lines.set(7, lines.get(7) + " Limited");                   // product 7: a new name, same photo
        lines.remove(30);                                          // product 30: removed
        lines.add(lines.get(1).replaceFirst("^1,", "31,"));        // product 31: added, with a new photo
        Files.write(catalog.resolve("styles.csv"), lines);
        Files.copy(other.resolve("images/1.jpg"), catalog.resolve("images/31.jpg"));
        Files.copy(other.resolve("images/2.jpg"), catalog.resolve("images/12.jpg"), StandardCopyOption.REPLACE_EXISTING); // 12: new photo

        JsonNode update = JSON.readTree(run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--json"));
        JsonNode changes = update.path("changes");
        assertEquals(1, changes.path("added").asInt(), update.toString());
        assertEquals(2, changes.path("changed").asInt(), update.toString());
        assertEquals(1, changes.path("removed").asInt(), update.toString());
        assertEquals(27, changes.path("unchanged").asInt(), update.toString());
        assertEquals(2, update.path("imagesEmbedded").asInt(), "only the photos of 31 and 12 are new: " + update);
        assertEquals(28, update.path("imagesReused").asInt(), update.toString());

        ProductIndex updated = ProductIndexFormat.read(index);
        assertEquals(30, updated.size());
        assertEquals(-1, updated.products().ordinal("30"));
        assertTrue(updated.products().name(updated.products().ordinal("7")).endsWith(" Limited"));

        String again = run("index", "--catalog", catalog.toString(), "--index", index.toString());
        assertTrue(again.contains("(0 embedded, 30 reused)") && again.contains("since the previous index: 0 added, 0 changed, 0 removed, 30 unchanged"),
                again);
    }

    /**
     * Started for small builds only (as the launcher starts an update on two cores), {@code index}
     * runs a small one as usual and stops a larger one with exit code 75 before writing anything,
     * for the launcher to run it again with both compilers.
     */
    @Test
    void startedForSmallBuildsALargerOneStopsBeforeWritingAnything() throws Exception {
        int photos = IndexCommand.SMALL_BUILD.maxPhotosToEmbed() + 1;
        Path large = tmp.resolve("large");
        CatalogGenerator.builder().optProducts(photos).optSeed(3).optImageSize(32, 32).build().generate(large);
        Path small = tmp.resolve("small");
        CatalogGenerator.builder().optProducts(12).optSeed(4).optImageSize(32, 32).build().generate(small);
        Path index = tmp.resolve("index");
        String before = System.setProperty(IndexCommand.SMALL_BUILD_PROPERTY, "true");
        try {
            CliRun stopped = CliRun.run("index", "--catalog", large.toString(), "--index", index.toString(), "--json");
            assertEquals(ExitCodes.RERUN, stopped.exit(), stopped.err());
            assertEquals("", stopped.out());
            assertTrue(stopped.err().contains(String.format(Locale.ROOT, "(%,d new or changed photos to embed, more than %,d)",
                    photos, photos - 1)), stopped.err());
            assertFalse(Files.exists(index), "nothing is written, not even the embedding cache");

            CliRun done = CliRun.run("index", "--catalog", small.toString(), "--index", index.toString(), "--json");
            assertEquals(ExitCodes.OK, done.exit(), done.err());
            assertEquals(12, JSON.readTree(done.out()).path("imagesEmbedded").asInt(), done.out());
        } finally {
            if (before == null) {
                System.clearProperty(IndexCommand.SMALL_BUILD_PROPERTY);
            } else {
                System.setProperty(IndexCommand.SMALL_BUILD_PROPERTY, before);
            }
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, String.join(" ", args) + " failed: " + err);
        return out.toString();
    }
}
