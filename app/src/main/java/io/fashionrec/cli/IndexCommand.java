package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.catalog.ProblemKind;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.index.BuildLimits;
import io.fashionrec.index.BuildTooLargeException;
import io.fashionrec.index.GraphBuild;
import io.fashionrec.index.GraphPolicy;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.IndexChanges;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read a catalog, embed its photos and names, and write an index.")
final class IndexCommand implements Callable<Integer> {

    /**
     * Set to {@code true} by the launcher when it starts {@code index} with JVM settings that suit
     * small builds only: on one or two cores, an update of an existing index runs with the quick
     * compiler alone, which leaves the cores to the work instead of the optimising compiler. A
     * build larger than {@link #SMALL_BUILD} then exits with {@link ExitCodes#RERUN} before
     * writing anything, and the launcher runs it again with both compilers.
     */
    static final String SMALL_BUILD_PROPERTY = "fashionrec.index.smallBuild";
    /**
     * The largest build the quick compiler alone suits. Measured on 2 cores, updating 44,446
     * products (each way alternated, medians): 1% of them changed (222 photos to embed, 296 graph
     * inserts) 4.3-4.9 s with C1 alone against 5.2-5.9 s; 5% (1,112 photos, 1,482 inserts) 7.9 s
     * either way; 10% (2,224 photos, 2,964 inserts) 11.1 s against 9.1 s. The photos are counted
     * right after the catalog is compared with the index, the graph inserts only once the photos
     * are embedded (a product's change is known from its photo's digest), so an update of many new
     * names and few new photos stops late.
     */
    static final BuildLimits SMALL_BUILD = new BuildLimits(1000, 1500);

    @Mixin
    Streams streams;

    @Option(names = "--catalog", paramLabel = "DIR", required = true,
            description = "A directory with styles.csv and images/ (Kaggle layout), or a .jsonl file.")
    Path catalog;

    @Option(names = "--index", paramLabel = "DIR", required = true, description = "Where to write the index (replaced atomically; over an existing index, an update that reuses unchanged photos).")
    Path index;

    @Mixin
    ImageModelOptions imageModel;

    @Option(names = "--image-vectors", paramLabel = "FILE.npy",
            description = "Image vectors computed elsewhere instead of embedding photos: a float32 .npy of one row per product, "
                    + "in catalog order (normalised on the way in; no alignment is fitted).")
    Path imageVectors;

    @Option(names = "--text-model", paramLabel = "MODEL", defaultValue = "tfidf", description = "Text model (default: ${DEFAULT-VALUE}).")
    String textModel;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for the photos (default: all cores).")
    Integer threads;

    @Mixin
    WeightOptions weights;

    @Option(names = "--graph", paramLabel = "WHEN", defaultValue = "auto",
            description = "Write the approximate-search graph into the index: auto (when large enough for auto search to be "
                    + "approximate), always or never. Over an index that has one, it is refreshed, not rebuilt. Default: ${DEFAULT-VALUE}.")
    String graph;

    @Option(names = "--json", description = "Print the summary as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!"tfidf".equals(textModel)) {
            throw new BadOptionException("unknown text model '" + textModel + "'; available: tfidf");
        }
        IndexBuilder builder = IndexBuilder.builder();
        if (threads != null) {
            if (threads < 1) {
                throw new BadOptionException("--threads must be at least 1, got " + threads);
            }
            builder.optThreads(threads);
        }
        FusionWeights defaults = weights.weights(FusionWeights.DEFAULT);
        if (defaults != null) {
            builder.optWeights(defaults);
        }
        if (weights.kernel() != null) {
            builder.optKernel(weights.kernel());
        }
        try {
            builder.optGraph(GraphPolicy.parse(graph));
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--graph: " + e.getMessage());
        }
        if (Boolean.getBoolean(SMALL_BUILD_PROPERTY)) {
            builder.optBuildLimits(SMALL_BUILD);
        }
        CatalogIndexing.Outcome outcome;
        try {
            outcome = imageVectors != null
                    ? CatalogIndexing.runWithImageVectors(catalog, index, imageVectors, builder, streams.err())
                    : CatalogIndexing.run(catalog, index, imageModel.spec(), builder, streams.err());
        } catch (BuildTooLargeException e) {
            streams.err().println("index: a larger build than this run was started for (" + e.getMessage()
                    + "): stopped before writing anything, to run again with both compilers");
            streams.err().flush();
            return ExitCodes.RERUN;
        }
        IndexBuilder.Result result = outcome.result();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("index", index.toString());
            doc.put("products", outcome.catalog().size());
            EncoderDescriptor encoder = result.index().imageEncoder();
            ObjectNode imageEncoder = doc.putObject("imageEncoder");
            imageEncoder.put("name", encoder.name());
            imageEncoder.put("version", encoder.version());
            imageEncoder.put("dimension", encoder.dimension());
            imageEncoder.put("modelSha256", encoder.modelSha256());
            doc.put("imagesEmbedded", result.imagesEmbedded());
            doc.put("imagesReused", result.imagesReused());
            doc.put("imagesFailed", result.imagesFailed());
            IndexChanges changes = outcome.changes();
            if (changes == null) {
                doc.putNull("changes");
            } else {
                ObjectNode c = doc.putObject("changes");
                c.put("added", changes.added());
                c.put("removed", changes.removed());
                if (changes.changesKnown()) {
                    c.put("changed", changes.changed());
                    c.put("unchanged", changes.unchanged());
                } else {
                    c.putNull("changed");
                    c.putNull("unchanged");
                }
            }
            doc.put("vocabulary", result.index().textModel().vocabularySize());
            doc.put("alignment", result.index().alignment() != null);
            GraphBuild built = result.graph();
            ObjectNode g = doc.putObject("graph");
            g.put("kind", built.kind().name().toLowerCase(Locale.ROOT));
            g.put("inserted", built.inserted());
            g.put("reused", built.reused());
            g.put("seconds", Math.round(built.seconds() * 1000) / 1000.0);
            if (built.reason() == null) {
                g.putNull("reason");
            } else {
                g.put("reason", built.reason());
            }
            doc.put("seconds", Math.round(outcome.seconds() * 1000) / 1000.0);
            ObjectNode byKind = doc.putObject("problems");
            for (Map.Entry<ProblemKind, Integer> e : outcome.problemCounts().entrySet()) {
                byKind.put(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getValue());
            }
            Json.print(streams.out(), doc);
        } else {
            streams.out().println(outcome.sentence(index));
        }
        return ExitCodes.OK;
    }
}
