package io.fashionrec.index;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.progress.Progress;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.TinyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The product indexes of the current layout versions kept in {@code src/test/resources/index-format/product-v<version>/}:
 * {@link TinyCatalog} encoded with the test encoder, its catalog root recorded as
 * {@link #CATALOG} so the files do not depend on where they were built. Regenerate only with a
 * version bump (see the README in that directory).
 */
final class ProductReferenceIndex {

    static final Path CATALOG = Path.of("reference-catalog");

    private ProductReferenceIndex() {
    }

    static void write(Path dir) throws Exception {
        Path catalog = Files.createTempDirectory("fashionrec-reference-catalog");
        ProductIndex built = ProductIndexFormatTest.build(TinyCatalog.write(catalog));
        ProductIndexFormat.write(portable(built), dir, Progress.NONE);
    }

    /**
     * The layered reference (layout 3): {@link TinyCatalog} built into {@code dir}, then product
     * 3's photo replaced by product 5's and the index updated in place, so that its image segments
     * are the first build's files (carried over) plus a layer holding the one re-embedded photo.
     */
    static void writeLayered(Path dir) throws Exception {
        Path catalog = Files.createTempDirectory("fashionrec-reference-catalog");
        TinyCatalog.write(catalog);
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> photos = Files.list(catalog.resolve("images"))) {
            for (Path photo : photos.toList()) {
                Files.setLastModifiedTime(photo, anHourAgo);
            }
        }
        // The first generation keeps its real catalog root, so that the update finds its photos unchanged.
        ProductIndexFormat.write(ProductIndexFormatTest.build(catalog), dir, Progress.NONE);
        Path photo = catalog.resolve("images/3.png");
        Files.copy(catalog.resolve("images/5.png"), photo, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(photo, FileTime.from(Instant.now().minusSeconds(60)));
        ProductIndex updated = IndexBuilder.builder().setImageEncoder(new MeanColourEncoder()).optThreads(2)
                .optPrevious(PreviousIndex.open(dir)).build(Catalogs.read(catalog, new ProblemReport())).index();
        ProductIndexFormat.write(portable(updated), dir, Progress.NONE);
    }

    private static ProductIndex portable(ProductIndex built) {
        return new ProductIndex(CATALOG, built.products(), built.vectors(), built.textModel(), built.imageEncoder(), built.imageModel(),
                built.alignment(), built.defaultWeights(), built.defaultKernel(), built.imageSketches());
    }

    /** Writes a reference index into a new directory: {@code ProductReferenceIndex [--layered] DIR}. */
    public static void main(String[] args) throws Exception {
        boolean layered = args.length == 2 && args[0].equals("--layered");
        if (args.length != (layered ? 2 : 1) || Files.exists(Path.of(args[args.length - 1]))) {
            System.err.println("usage: ProductReferenceIndex [--layered] NEW_DIR (it must not exist yet)");
            System.exit(2);
        }
        if (layered) {
            writeLayered(Path.of(args[1]));
        } else {
            write(Path.of(args[0]));
        }
    }
}
