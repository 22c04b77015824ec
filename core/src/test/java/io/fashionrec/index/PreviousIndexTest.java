package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.index.store.IndexReader;
import io.fashionrec.index.store.Manifest;
import io.fashionrec.progress.Progress;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.Rows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build over a previous index takes the vectors of unchanged photo files from it without reading them. */
class PreviousIndexTest {

    private static final int PRODUCTS = 12;

    @TempDir
    Path tmp;

    private static IndexBuilder.Result build(Path catalog, PreviousIndex previous, MeanColourEncoder encoder) throws Exception {
        IndexBuilder builder = IndexBuilder.builder().setImageEncoder(encoder).optThreads(2);
        if (previous != null) {
            builder.optPrevious(previous);
        }
        return builder.build(Catalogs.read(catalog, new ProblemReport()));
    }

    @Test
    void unchangedFilesAreNotReadAgainAndGiveTheSameIndex() throws Exception {
        Path catalog = tmp.resolve("catalog");
        FileTime anHourAgo = generateAnHourOld(catalog, PRODUCTS, 8);
        Path dir = tmp.resolve("index");
        IndexBuilder.Result first = build(catalog, null, new MeanColourEncoder());
        ProductIndexFormat.write(first.index(), dir, Progress.NONE);

        IndexBuilder.Result again = build(catalog, PreviousIndex.open(dir), new MeanColourEncoder());
        assertEquals(0, again.imagesEmbedded());
        assertEquals(PRODUCTS, again.imagesReused());
        for (int s = 1; s < first.index().vectors().layout().size(); s++) {
            assertArrayEquals(Rows.values(first.index().vectors().dense(s)), Rows.values(again.index().vectors().dense(s)), "segment " + s);
        }
        assertArrayEquals(first.index().imageSketches().rows().data(), again.index().imageSketches().rows().data(),
                "sketches copied from the previous index are those sketching would give");
        assertEquals(new IndexChanges(0, 0, 0, PRODUCTS), IndexChanges.between(first.index().products(), again.index().products()));

        // Photo 3 rewritten with as many other bytes and its time put back: by design, not noticed (the file is not read).
        Path photo = catalog.resolve("images/3.jpg");
        byte[] garbage = new byte[(int) Files.size(photo)];
        new Random(3).nextBytes(garbage);
        Files.write(photo, garbage);
        Files.setLastModifiedTime(photo, anHourAgo);
        IndexBuilder.Result unnoticed = build(catalog, PreviousIndex.open(dir), new MeanColourEncoder());
        assertEquals(0, unnoticed.imagesFailed(), "an unchanged size and time means the file is not read");
        // With its real time it is read, found undecodable, and the product kept without an image.
        Files.setLastModifiedTime(photo, FileTime.from(Instant.now().minusSeconds(60)));
        IndexBuilder.Result noticed = build(catalog, PreviousIndex.open(dir), new MeanColourEncoder());
        assertEquals(1, noticed.imagesFailed());
        assertEquals(PRODUCTS - 1, noticed.imagesReused());
        assertEquals(new IndexChanges(0, 1, 0, PRODUCTS - 1), IndexChanges.between(first.index().products(), noticed.index().products()));
    }

    /**
     * An update keeps the previous rows of unchanged photos where they are (mapped) and embeds the
     * rest; read back, its rows are those of a full rebuild, bit for bit, over a catalog whose
     * products were reordered, dropped and given other photos.
     */
    @Test
    void anUpdateReadsAsAFullRebuild() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int products = 40;
        Path catalog = tmp.resolve("catalog");
        Path dir = indexedAnHourOld(catalog, products, 10);

        FileTime aMinuteAgo = FileTime.from(Instant.now().minusSeconds(60));
        for (int k = 0; k < 6; k++) {
            replaceAPhoto(catalog, products, random, aMinuteAgo);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(catalog.resolve("styles.csv")));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        // Mostly in order, with a stretch moved to the front and a few products dropped.
        Collections.rotate(rows.subList(0, 10 + random.nextInt(20)), 1 + random.nextInt(5));
        for (int k = 0; k < 3; k++) {
            rows.remove(random.nextInt(rows.size()));
        }
        rows.add(0, lines.get(0));
        Files.write(catalog.resolve("styles.csv"), rows);

        IndexBuilder.Result update = build(catalog, PreviousIndex.open(dir), new MeanColourEncoder());
        IndexBuilder.Result rebuild = build(catalog, null, new MeanColourEncoder());
        assertTrue(update.imagesReused() >= products - 3 - 6 && update.imagesEmbedded() > 0,
                "seed " + seed + ": reused " + update.imagesReused() + ", embedded " + update.imagesEmbedded());
        FusedVectors updated = update.index().vectors();
        assertSameDenseRows(rebuild.index().vectors(), updated, "seed " + seed);
        assertInstanceOf(LayeredRows.class, updated.dense(1), "the image rows of unchanged photos stay in the previous index");
        assertArrayEquals(rebuild.index().imageSketches().rows().data(), update.index().imageSketches().rows().data(), "seed " + seed);

        // Written, the update keeps the first build's image files and adds a layer of the photos it embedded.
        ProductIndexFormat.write(update.index(), dir, Progress.NONE);
        Manifest manifest = IndexReader.open(dir).manifest();
        assertEquals(2, manifest.generation());
        assertEquals(3, manifest.content().path("layoutVersion").asInt(), "seed " + seed);
        assertEquals("segment_1.1.dense", manifest.parts().get("segment_1").file(), "carried over, not copied");
        assertEquals(update.imagesEmbedded(), IndexReader.open(dir).dense("segment_1_layer_1").rows(), "seed " + seed);
        assertSameDenseRows(rebuild.index().vectors(), ProductIndexFormat.read(dir).vectors(), "seed " + seed + ", written");
        // Built into another directory, nothing can be carried over: one layer, as a full build writes it.
        Path elsewhere = tmp.resolve("elsewhere");
        ProductIndexFormat.write(build(catalog, PreviousIndex.open(dir), new MeanColourEncoder()).index(), elsewhere, Progress.NONE);
        assertEquals(2, IndexReader.open(elsewhere).manifest().content().path("layoutVersion").asInt());
        assertFalse(IndexReader.open(elsewhere).has("segment_1_layer_1"));
        assertArrayEquals(Rows.values(rebuild.index().vectors().dense(1)), Rows.values(ProductIndexFormat.read(elsewhere).vectors().dense(1)));
    }

    /**
     * Updates in a row stack a layer each over the files of the first build, which stay; once too
     * many rows are dead the image segments are written again as one layer and the old files go.
     * Every generation reads as a full rebuild of its catalog.
     */
    @Test
    void updatesStackLayersUntilTheSegmentsAreCompacted() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int products = 30;
        Path catalog = tmp.resolve("catalog");
        Path dir = indexedAnHourOld(catalog, products, 12);
        boolean compacted = false;
        for (int update = 1; update <= 8 && !compacted; update++) {
            // Two photos replaced by other products' photos: two new rows in a new layer, two dead ones.
            for (int k = 0; k < 2; k++) {
                replaceAPhoto(catalog, products, random, FileTime.from(Instant.now().minusSeconds(60 + update)));
            }
            ProductIndexFormat.write(build(catalog, PreviousIndex.open(dir), new MeanColourEncoder()).index(), dir, Progress.NONE);
            Manifest manifest = IndexReader.open(dir).manifest();
            int layers = manifest.content().path("imageLayers").asInt(1);
            compacted = layers == 1;
            if (compacted) {
                assertEquals("segment_1." + manifest.generation() + ".dense", manifest.parts().get("segment_1").file(), "seed " + seed);
                try (var files = Files.list(dir)) {
                    assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.contains("_layer_")).toList(),
                            "seed " + seed + ": compacted away");
                }
            } else {
                assertEquals(update + 1, layers, "seed " + seed);
                assertEquals("segment_1.1.dense", manifest.parts().get("segment_1").file(), "seed " + seed);
            }
            IndexBuilder.Result rebuild = build(catalog, null, new MeanColourEncoder());
            assertSameDenseRows(rebuild.index().vectors(), ProductIndexFormat.read(dir).vectors(), "seed " + seed + ", update " + update);
        }
        assertTrue(compacted, "seed " + seed + ": 2 of 30 rows dead per update fall below the live share within 8 updates");
    }

    @Test
    void anotherEncoderTakesNothingFromThePreviousIndex() throws Exception {
        Path catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(9).optImageSize(48, 48).build().generate(catalog);
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(build(catalog, null, new MeanColourEncoder()).index(), dir, Progress.NONE);
        IndexBuilder.Result other = IndexBuilder.builder().setImageEncoder(new IndexBuilderCacheTest.Renamed(new MeanColourEncoder(), "other"))
                .optPrevious(PreviousIndex.open(dir)).build(Catalogs.read(catalog, new ProblemReport()));
        assertEquals(PRODUCTS, other.imagesEmbedded());
    }

    /** A photo modified just before it was read might change again within its time stamp's granularity: never trusted. */
    @Test
    void aPhotoModifiedJustBeforeItWasReadIsNeverTrusted() {
        byte[] sha = EmbeddingCache.sha256(new byte[] {1});
        long now = System.currentTimeMillis();
        PhotoRecord.Stat recent = new PhotoRecord.Stat(1234, (now - 500) * 1_000_000);
        PhotoRecord.Stat settled = new PhotoRecord.Stat(1234, (now - 5_000) * 1_000_000);
        assertEquals(new PhotoRecord.Stat(-1, 0), PhotoRecord.parse(PhotoRecord.of(sha, recent, now).format()).stat());
        assertEquals(settled, PhotoRecord.parse(PhotoRecord.of(sha, settled, now).format()).stat());
        assertEquals(null, PhotoRecord.parse(""));
    }

    /** Every dense segment of {@code actual} holds the rows of {@code expected}, bit for bit. */
    private static void assertSameDenseRows(FusedVectors expected, FusedVectors actual, String context) {
        for (int s = 1; s < actual.layout().size(); s++) {
            assertArrayEquals(Rows.values(expected.dense(s)), Rows.values(actual.dense(s)), context + ", segment " + s);
        }
    }

    /** {@link #generateAnHourOld} into {@code catalog}, indexed in full into a new index directory, which it returns. */
    private Path indexedAnHourOld(Path catalog, int products, long seed) throws Exception {
        generateAnHourOld(catalog, products, seed);
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(build(catalog, null, new MeanColourEncoder()).index(), dir, Progress.NONE);
        return dir;
    }

    /**
     * Draws a catalog whose photos were all last changed an hour ago, so that a build trusts them
     * as unchanged (a file changed moments before it was read is read again); returns that time.
     */
    /**
     * A photo is the same file when its recorded path names it from either catalog folder: a JSON
     * Lines catalog moved to another folder keeps photos it names by absolute path, while a copy
     * of a Kaggle-layout catalog has photos of its own, read again.
     */
    @Test
    void photosAreTheSameFilesWhateverFolderTheCatalogIsIn() throws Exception {
        Path kaggle = tmp.resolve("kaggle");
        generateAnHourOld(kaggle, PRODUCTS, 9);
        List<String> lines = new ArrayList<>();
        for (int id = 1; id <= PRODUCTS; id++) {
            lines.add("{\"id\": \"" + id + "\", \"name\": \"Product " + id + "\", \"image\": \""
                    + kaggle.resolve("images/" + id + ".jpg").toAbsolutePath() + "\"}");
        }
        Path jsonl = Files.createDirectories(tmp.resolve("here")).resolve("products.jsonl");
        Files.write(jsonl, lines);
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(build(jsonl, null, new MeanColourEncoder()).index(), dir, Progress.NONE);

        Path moved = Files.createDirectories(tmp.resolve("there")).resolve("products.jsonl");
        Files.move(jsonl, moved);
        IndexBuilder.Result fromMoved = build(moved, PreviousIndex.open(dir), new MeanColourEncoder());
        assertEquals(0, fromMoved.imagesEmbedded());
        assertEquals(PRODUCTS, fromMoved.imagesReused());

        Path copy = tmp.resolve("kaggle-copy");
        Files.createDirectories(copy.resolve("images"));
        Files.copy(kaggle.resolve("styles.csv"), copy.resolve("styles.csv"));
        try (var photos = Files.list(kaggle.resolve("images"))) {
            for (Path photo : photos.toList()) {
                Files.copy(photo, copy.resolve("images").resolve(photo.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path kaggleIndex = tmp.resolve("kaggle-index");
        ProductIndexFormat.write(build(kaggle, null, new MeanColourEncoder()).index(), kaggleIndex, Progress.NONE);
        IndexBuilder.Result fromCopy = build(copy, PreviousIndex.open(kaggleIndex), new MeanColourEncoder());
        assertEquals(PRODUCTS, fromCopy.imagesEmbedded(), "same sizes and times, other files");
        assertEquals(0, fromCopy.imagesReused());
        assertEquals(PRODUCTS, build(kaggle, PreviousIndex.open(kaggleIndex), new MeanColourEncoder()).imagesReused());
    }

    /** Overwrites a random product's photo with a random product's photo (maybe its own), dated {@code time}. */
    private static void replaceAPhoto(Path catalog, int products, Random random, FileTime time) throws IOException {
        Path photo = catalog.resolve("images/" + (1 + random.nextInt(products)) + ".jpg");
        Files.copy(catalog.resolve("images/" + (1 + random.nextInt(products)) + ".jpg"), photo, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(photo, time);
    }

    private static FileTime generateAnHourOld(Path catalog, int products, long seed) throws IOException {
        CatalogGenerator.builder().optProducts(products).optSeed(seed).optImageSize(48, 48).build().generate(catalog);
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        for (int id = 1; id <= products; id++) {
            Files.setLastModifiedTime(catalog.resolve("images/" + id + ".jpg"), anHourAgo);
        }
        return anHourAgo;
    }
}
