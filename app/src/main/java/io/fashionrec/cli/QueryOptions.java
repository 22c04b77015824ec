package io.fashionrec.cli;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.SearchOptions;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mixin: what the query commands ({@code similar}, {@code search}) share: how many results, the
 * fusion weights, the attribute filters and the output format.
 */
@Command
final class QueryOptions {

    @Option(names = "-k", paramLabel = "K", defaultValue = "5", description = "How many products (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    WeightOptions weights;

    @Mixin
    FilterOptions filters;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    /** The search options these flags ask for, on top of the index's defaults. */
    SearchOptions searchOptions(ProductIndex index) {
        if (k < 1) {
            throw new BadOptionException("-k must be at least 1, got " + k);
        }
        return SearchOptions.top(k).withWeights(weights.weights(index.defaultWeights())).withKernel(weights.kernel())
                .withSame(filters.same).withWhere(filters.where);
    }

    /**
     * Runs a search; an IllegalArgumentException from it is a bad option value (an unknown
     * attribute in a filter) and becomes a usage error. An unknown product id
     * ({@link io.fashionrec.recommend.NoSuchProductException}) stays a failure.
     */
    static <T> T run(Supplier<T> search) {
        try {
            return search.get();
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
    }
}
