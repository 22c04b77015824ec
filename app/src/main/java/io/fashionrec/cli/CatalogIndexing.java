package io.fashionrec.cli;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndexFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Catalog to index on disk: what {@code index} and {@code demo} both do. */
final class CatalogIndexing {

    /** What one run read, built and how long it took. */
    record Outcome(Catalog catalog, IndexBuilder.Result result, ProblemReport problems, double seconds) {

        String sentence(Path index) {
            return String.format(Locale.ROOT, "indexed %d products into %s in %.1f s: %d photos (%d embedded, %d from the cache), %d unusable; "
                            + "%d text terms; %s",
                    catalog.size(), index, seconds, result.imagesIndexed(), result.imagesEmbedded(), result.imagesReused(), result.imagesFailed(),
                    result.index().textModel().vocabularySize(),
                    result.index().alignment() != null
                            ? "alignment fitted on " + result.index().alignment().trainingProducts() + " products"
                            : "no alignment (fewer than 2 products with both a photo and a name)");
        }
    }

    /** The embedding cache's directory inside an index directory. */
    static final String EMBEDDINGS = "embeddings";

    private CatalogIndexing() {
    }

    /**
     * Reads {@code catalog}, builds with {@code builder} and the image encoder {@code imageModel}
     * names (see {@link ImageModels}), reusing and filling the embedding cache inside {@code index},
     * writes the index atomically to {@code index}, and prints the problem summary (if any) to
     * {@code err}.
     */
    static Outcome run(Path catalog, Path index, Map<String, String> imageModel, IndexBuilder builder, PrintWriter err)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProblemReport problems = new ProblemReport();
        Catalog read = Catalogs.read(catalog, problems);
        IndexBuilder.Result result;
        ImageModels.Opened opened = ImageModels.open(imageModel);
        try (ImageEncoder encoder = opened.encoder()) {
            result = builder.optProgress(TerminalProgress.forStderr()).setImageEncoder(encoder).optImageModel(opened.spec())
                    .optEmbeddingCache(index.resolve(EMBEDDINGS)).build(read);
        }
        ProductIndexFormat.write(result.index(), index, TerminalProgress.forStderr());
        String summary = problems.summary(5);
        if (!summary.isEmpty()) {
            err.print(summary);
            err.flush();
        }
        return new Outcome(read, result, problems, (System.nanoTime() - start) / 1e9);
    }
}
