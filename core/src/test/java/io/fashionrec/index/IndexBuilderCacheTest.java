package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.Rows;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding cache seen through builds: only what changed is embedded again. */
class IndexBuilderCacheTest {

    @TempDir
    static Path tmp;
    static Path catalog;

    @BeforeAll
    static void drawACatalog() throws IOException {
        catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(40).optSeed(3).optImageSize(96, 96).build().generate(catalog);
    }

    private static IndexBuilder.Result build(ImageEncoder encoder, Path cache) throws Exception {
        return build(encoder, cache, 2);
    }

    private static IndexBuilder.Result build(ImageEncoder encoder, Path cache, int threads) throws Exception {
        Catalog read = Catalogs.read(catalog, new ProblemReport());
        return IndexBuilder.builder().setImageEncoder(encoder).optEmbeddingCache(cache).optThreads(threads).build(read);
    }

    @Test
    void reindexingEmbedsExactlyThePhotosThatChangedAndAnotherModelEmbedsAll() throws Exception {
        Path cache = tmp.resolve("cache-a");
        IndexBuilder.Result first = build(new MeanColourEncoder(), cache);
        assertEquals(40, first.imagesEmbedded());
        assertEquals(0, first.imagesReused());

        IndexBuilder.Result again = build(new MeanColourEncoder(), cache);
        assertEquals(0, again.imagesEmbedded(), "nothing changed");
        assertEquals(40, again.imagesReused());
        for (int s = 1; s < first.index().vectors().layout().size(); s++) {
            assertArrayEquals(Rows.values(first.index().vectors().dense(s)), Rows.values(again.index().vectors().dense(s)), "segment " + s);
        }

        Path other = tmp.resolve("other");
        CatalogGenerator.builder().optProducts(40).optSeed(99).optImageSize(96, 96).build().generate(other);
        for (int id = 1; id <= 10; id++) {
            Files.copy(other.resolve("images/" + id + ".jpg"), catalog.resolve("images/" + (3 * id) + ".jpg"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        IndexBuilder.Result changed = build(new MeanColourEncoder(), cache);
        assertEquals(10, changed.imagesEmbedded(), "exactly the ten photos that changed");
        assertEquals(30, changed.imagesReused());

        IndexBuilder.Result otherModel = build(new Renamed(new MeanColourEncoder(), "another-model"), cache);
        assertEquals(40, otherModel.imagesEmbedded(), "a model change embeds everything again");
    }

    @Test
    void aBuildThatFailsHalfwayResumesWithoutRedoingFinishedPhotos() throws Exception {
        Path cache = tmp.resolve("cache-b");
        AtomicInteger calls = new AtomicInteger();
        ImageEncoder failing = new Renamed(new MeanColourEncoder(), "mean-colour-test") {
            @Override
            public float[] encode(BufferedImage image) {
                if (calls.incrementAndGet() > 25) {
                    throw new IllegalStateException("the machine fell over");
                }
                return super.encode(image);
            }
        };
        // One worker: each photo it encodes is in the cache before it encodes the next. (With two, the
        // failure cancels the other worker, which may have encoded a photo and not stored it yet:
        // that photo is embedded again, as IndexKillTest allows.)
        assertThrows(IllegalStateException.class, () -> build(failing, cache, 1));
        int finished = 25;
        IndexBuilder.Result resumed = build(new Renamed(new MeanColourEncoder(), "mean-colour-test"), cache);
        assertEquals(40 - resumed.imagesReused(), resumed.imagesEmbedded());
        assertEquals(finished, resumed.imagesReused(), "the photos finished before the failure are not embedded again");
    }

    /** An encoder under another name: the same vectors, another descriptor. */
    static class Renamed implements ImageEncoder {
        private final ImageEncoder inner;
        private final String name;

        Renamed(ImageEncoder inner, String name) {
            this.inner = inner;
            this.name = name;
        }

        @Override
        public EncoderDescriptor descriptor() {
            EncoderDescriptor d = inner.descriptor();
            return new EncoderDescriptor(name, d.version(), d.dimension(), d.preprocessing(), d.modelSha256());
        }

        @Override
        public List<VectorSegment> segments() {
            return inner.segments();
        }

        @Override
        public float[] encode(BufferedImage image) {
            return inner.encode(image);
        }
    }
}
