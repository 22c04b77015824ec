package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.progress.Progress;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(8).optImageSize(48, 48).build().generate(catalog);
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        for (int id = 1; id <= PRODUCTS; id++) {
            Files.setLastModifiedTime(catalog.resolve("images/" + id + ".jpg"), anHourAgo);
        }
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
}
