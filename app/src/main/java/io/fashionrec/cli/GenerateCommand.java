package io.fashionrec.cli;

import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.synthetic.VectorSetGenerator;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Draw a synthetic catalog (styles.csv + images/<id>.jpg, the Kaggle layout) for demos and tests.",
            "With --vectors-only: clustered, L2-normalised float32 embeddings instead, for search benchmarks:",
            "DIR/vectors.npy (products x dimension), DIR/queries.npy and DIR/styles.csv (id, the Kaggle attributes gender,",
            "masterCategory, subCategory, articleType, baseColour of each vector's cluster, productDisplayName), streamed:",
            "a catalog without photos, indexed by `index --catalog DIR --image-vectors DIR/vectors.npy`."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Option(names = "--products", paramLabel = "N", defaultValue = "600", description = "How many products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write; must be empty, new, or an earlier synthetic catalog.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed; the same seed draws the same catalog (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--vectors-only", description = "Write embeddings (.npy) and a styles.csv without photos instead of a catalog of photos.")
    boolean vectorsOnly;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "512", description = "With --vectors-only: floats per vector (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "500", description = "With --vectors-only: query vectors (default: ${DEFAULT-VALUE}).")
    int queries;

    @Override
    public Integer call() throws Exception {
        if (products < 1) {
            throw new BadOptionException("--products must be at least 1, got " + products);
        }
        long start = System.nanoTime();
        if (vectorsOnly) {
            if (dimension < 2 || queries < 1) {
                throw new BadOptionException("--dimension must be at least 2 and --queries at least 1, got " + dimension + " and " + queries);
            }
            if ((long) products * dimension > Integer.MAX_VALUE - 8) {
                throw new BadOptionException(products + " x " + dimension + " floats exceed one search matrix (2^31 - 9 floats); "
                        + "lower --products or --dimension");
            }
            VectorSetGenerator.VectorSet set = VectorSetGenerator.generate(out, products, dimension, queries, seed);
            streams.out().printf(Locale.ROOT, "generated %d vectors and %d queries of dimension %d (%d clusters) into %s in %.1f s%n",
                    set.products(), set.queries(), set.dimension(), set.clusters(), out, (System.nanoTime() - start) / 1e9);
            return ExitCodes.OK;
        }
        CatalogGenerator.builder().optProducts(products).optSeed(seed).optProgress(TerminalProgress.forStderr()).build().generate(out);
        streams.out().printf("generated %d products into %s in %.1f s%n", products, out, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
