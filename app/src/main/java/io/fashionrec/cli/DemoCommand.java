package io.fashionrec.cli;

import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductTable;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.synthetic.CatalogGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a synthetic catalog, index it and serve the shop page with its recommendations, all offline.",
            "Files go to --dir (default: ~/.cache/fashionrec/demo); a second run reuses the catalog."})
final class DemoCommand implements Callable<Integer> {

    private static final int SHOWN = 3;

    @Mixin
    Streams streams;

    @Option(names = "--no-serve", description = "Print a few products' recommendations and exit instead of serving the page.")
    boolean noServe;

    @Mixin
    ServeCommand.ServerOptions server;

    @Option(names = "--products", paramLabel = "N", defaultValue = "600", description = "Catalog size (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the demo catalog and index live.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (products < 10) {
            throw new BadOptionException("--products must be at least 10, got " + products);
        }
        Path home = dir != null ? dir : defaultDir();
        Path catalog = home.resolve("catalog");
        Path index = home.resolve("index");
        PrintWriter out = streams.out();
        if (!Files.isRegularFile(catalog.resolve("styles.csv")) || lines(catalog.resolve("styles.csv")) != products + 1) {
            out.println("drawing " + products + " synthetic products into " + catalog + " ...");
            out.flush();
            CatalogGenerator.builder().optProducts(products).optProgress(TerminalProgress.forStderr()).build().generate(catalog);
        }
        CatalogIndexing.Outcome outcome = CatalogIndexing.run(catalog, index, Map.of(ImageModels.MODEL, ImageModels.CLASSIC), IndexBuilder.builder(), streams.err());
        out.println(outcome.sentence(index));
        if (!noServe) {
            server.serve(outcome.result().index(), index, streams);
            return ExitCodes.OK;
        }
        showExamples(outcome.result().index(), out);
        out.println();
        out.println("next: ./fashionrec serve --index " + index + "   |   ./fashionrec similar --index " + index
                + " --id ID   |   ./fashionrec evaluate --index " + index);
        out.flush();
        return ExitCodes.OK;
    }

    /** A few products of different article types, each with its five best recommendations. */
    private static void showExamples(ProductIndex index, PrintWriter out) {
        Recommender recommender = new Recommender(index);
        ProductTable products = index.products();
        String typeColumn = products.hasAttribute("articleType") ? "articleType" : null;
        Set<String> seen = new HashSet<>();
        int shown = 0;
        for (int i = 0; i < products.size() && shown < SHOWN; i += 7) {
            if (typeColumn != null && !seen.add(products.attribute(i, typeColumn))) {
                continue;
            }
            out.println();
            out.println("similar to " + products.id(i) + "  " + products.name(i));
            ResultTable.print(out, recommender.similar(products.id(i), SearchOptions.top(5)));
            shown++;
        }
    }

    private static long lines(Path file) throws java.io.IOException {
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }

    private static Path defaultDir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fashionrec").resolve("demo");
    }
}
