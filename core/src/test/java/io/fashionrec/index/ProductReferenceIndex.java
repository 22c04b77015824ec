package io.fashionrec.index;

import io.fashionrec.progress.Progress;
import io.fashionrec.testing.TinyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The product index of the current layout version kept in {@code src/test/resources/index-format/product-v<version>/}:
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
        ProductIndex portable = new ProductIndex(CATALOG, built.products(), built.vectors(), built.textModel(), built.imageEncoder(), built.imageModel(),
                built.alignment(), built.defaultWeights(), built.defaultKernel(), built.imageSketches());
        ProductIndexFormat.write(portable, dir, Progress.NONE);
    }

    /** Writes the reference index into a new directory: {@code ProductReferenceIndex DIR}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || Files.exists(Path.of(args[0]))) {
            System.err.println("usage: ProductReferenceIndex NEW_DIR (it must not exist yet)");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}
