package io.fashionrec.cli;

import io.fashionrec.synthetic.CatalogGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Draw a synthetic catalog (styles.csv + images/<id>.jpg, the Kaggle layout) for demos and tests.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Option(names = "--products", paramLabel = "N", defaultValue = "600", description = "How many products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write; must be empty, new, or an earlier synthetic catalog.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed; the same seed draws the same catalog (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (products < 1) {
            throw new BadOptionException("--products must be at least 1, got " + products);
        }
        long start = System.nanoTime();
        CatalogGenerator.builder().optProducts(products).optSeed(seed).optProgress(TerminalProgress.forStderr()).build().generate(out);
        streams.out().printf("generated %d products into %s in %.1f s%n", products, out, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
