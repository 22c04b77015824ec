package io.fashionrec.cli;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.IndexChanges;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.index.PreviousIndex;
import io.fashionrec.index.store.IndexFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Catalog to index on disk: what {@code index} and {@code demo} both do. */
final class CatalogIndexing {

    /**
     * What one run read, built and how long it took.
     *
     * @param changes how the products differ from those of the index replaced, or null when there
     *                was none (or it could not be read)
     */
    record Outcome(Catalog catalog, IndexBuilder.Result result, IndexChanges changes, ProblemReport problems, double seconds) {

        String sentence(Path index) {
            return String.format(Locale.ROOT, "indexed %d products into %s in %.1f s: %d photos (%d embedded, %d reused), %d unusable; "
                            + "%d text terms; %s; %s%s",
                    catalog.size(), index, seconds, result.imagesIndexed(), result.imagesEmbedded(), result.imagesReused(), result.imagesFailed(),
                    result.index().textModel().vocabularySize(),
                    result.index().alignment() != null
                            ? "alignment fitted on " + result.index().alignment().trainingProducts() + " products"
                            : "no alignment (fewer than 2 products with both a photo and a name)",
                    result.graph().sentence(),
                    changes == null ? "" : "; since the previous index: " + changes(changes));
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
        Catalog read = Catalogs.read(catalog, problems);
        PreviousIndex previous = previous(index);
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
        String summary = problems.summary(5);
        if (!summary.isEmpty()) {
            err.print(summary);
            err.flush();
        }
        return new Outcome(read, result, changes, problems, (System.nanoTime() - start) / 1e9);
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
