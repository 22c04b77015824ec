package io.fashionrec.cli;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemKind;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.IndexChanges;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.index.PreviousIndex;
import io.fashionrec.index.store.IndexFormatException;
import io.fashionrec.vectors.NpyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Catalog to index on disk: what {@code index} and {@code demo} both do. */
final class CatalogIndexing {

    /**
     * What one run read, built and how long it took.
     *
     * @param changes      how the products differ from those of the index replaced, or null when
     *                     there was none (or it could not be read)
     * @param imageVectors the .npy file the image vectors came from, or null when photos were embedded
     */
    record Outcome(Catalog catalog, IndexBuilder.Result result, IndexChanges changes, ProblemReport problems, double seconds,
                   Path imageVectors) {

        String sentence(Path index) {
            String images = imageVectors != null ? "image vectors from " + imageVectors
                    : String.format(Locale.ROOT, "%d photos (%d embedded, %d reused), %d unusable", result.imagesIndexed(),
                    result.imagesEmbedded(), result.imagesReused(), result.imagesFailed());
            return String.format(Locale.ROOT, "indexed %d products into %s in %.1f s: %s; %d text terms; %s; %s%s",
                    catalog.size(), index, seconds, images, result.index().textModel().vocabularySize(),
                    result.index().alignment() != null
                            ? "alignment fitted on " + result.index().alignment().trainingProducts() + " products"
                            : "no alignment (fewer than 2 products with both a photo and a name)",
                    result.graph().sentence(),
                    changes == null ? "" : "; since the previous index: " + changes(changes));
        }

        /**
         * The catalog's problems by kind; without the missing photos when the image vectors came
         * from a file, where a catalog without photos is the expected case.
         */
        Map<ProblemKind, Integer> problemCounts() {
            Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
            counts.putAll(problems.counts());
            if (imageVectors != null) {
                counts.remove(ProblemKind.IMAGE_MISSING);
            }
            return counts;
        }

        private static String changes(IndexChanges c) {
            return c.changesKnown()
                    ? String.format(Locale.ROOT, "%d added, %d changed, %d removed, %d unchanged", c.added(), c.changed(), c.removed(), c.unchanged())
                    : String.format(Locale.ROOT, "%d added, %d removed (it records no product fingerprints, so changes are not counted)",
                            c.added(), c.removed());
        }
    }

    /** The embedding cache's directory inside an index directory. */
    static final String EMBEDDINGS = "embeddings";

    /** The name of the image encoder recorded for vectors given with {@code --image-vectors}. */
    static final String PRECOMPUTED = "precomputed";

    private CatalogIndexing() {
    }

    /**
     * Reads {@code catalog}, builds with {@code builder} and the image encoder {@code imageModel}
     * names (see {@link ImageModels}), taking what it can from the index already in {@code index}
     * (see {@link PreviousIndex}) and reusing and filling the embedding cache inside it, writes the
     * index atomically to {@code index}, and prints the problem summary (if any) to {@code err}.
     */
    static Outcome run(Path catalog, Path index, Map<String, String> imageModel, IndexBuilder builder, PrintWriter err)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProblemReport problems = new ProblemReport();
        // The previous index opens (maps its parts, checks their checksums) on another core while this one parses the catalog.
        CompletableFuture<PreviousIndex> opening = CompletableFuture.supplyAsync(() -> previous(index));
        Catalog read = Catalogs.read(catalog, problems);
        PreviousIndex previous = joined(opening);
        if (previous != null) {
            builder.optPrevious(previous);
        }
        IndexBuilder.Result result;
        ImageModels.Opened opened = ImageModels.open(imageModel);
        try (ImageEncoder encoder = opened.encoder()) {
            result = builder.optProgress(TerminalProgress.forStderr()).setImageEncoder(encoder).optImageModel(opened.spec())
                    .optEmbeddingCache(index.resolve(EMBEDDINGS)).build(read);
        }
        // Compared before the commit deletes the previous generation's files, which the previous products are mapped from.
        IndexChanges changes = previous == null ? null : IndexChanges.between(previous.products(), result.index().products());
        ProductIndexFormat.write(result.index(), index, TerminalProgress.forStderr());
        return reported(new Outcome(read, result, changes, problems, (System.nanoTime() - start) / 1e9, null), err);
    }

    /**
     * Reads {@code catalog} and the image vectors of its products from {@code vectors} (a float32
     * or float64 {@code .npy} file, row i for the catalog's i-th product), builds with
     * {@code builder} (see {@link IndexBuilder#buildFromImageVectors}) and writes the index
     * atomically to {@code index}. The vectors are held once on the heap (4 bytes per float).
     *
     * @throws BadOptionException when the file's rows are not one per product
     */
    static Outcome runWithImageVectors(Path catalog, Path index, Path vectors, IndexBuilder builder, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        ProblemReport problems = new ProblemReport();
        Catalog read = Catalogs.read(catalog, problems);
        FloatMatrix matrix = NpyFile.readFloat32(vectors);
        if (matrix.rows() != read.size()) {
            throw new BadOptionException(vectors + " holds " + matrix.rows() + " vectors but the catalog " + catalog + " has " + read.size()
                    + " products; --image-vectors needs one row per product, in catalog order");
        }
        EncoderDescriptor encoder = new EncoderDescriptor(PRECOMPUTED, 1, matrix.cols(), "vectors from " + vectors.getFileName(), "");
        IndexBuilder.Result result = builder.buildFromImageVectors(read, matrix, encoder);
        ProductIndexFormat.write(result.index(), index, TerminalProgress.forStderr());
        return reported(new Outcome(read, result, null, problems, (System.nanoTime() - start) / 1e9, vectors), err);
    }

    /** Prints the problem summary (if any problem counts) to {@code err}; returns {@code outcome}. */
    private static Outcome reported(Outcome outcome, PrintWriter err) {
        if (!outcome.problemCounts().isEmpty()) {
            err.print(outcome.problems().summary(5));
            err.flush();
        }
        return outcome;
    }

    /** What {@code opening} gave, its failure rethrown as it was thrown. */
    private static PreviousIndex joined(CompletableFuture<PreviousIndex> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The index in {@code index}, or null when there is none that this version reads (it is replaced whole). */
    private static PreviousIndex previous(Path index) {
        try {
            return PreviousIndex.open(index);
        } catch (IndexFormatException e) {
            return null;
        }
    }
}
