package io.fashionrec.cli;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.SearchOptions;
import java.util.function.Supplier;

/** What the query commands share: building search options and mapping bad option values to usage errors. */
final class Queries {

    private Queries() {
    }

    static SearchOptions options(int k, WeightOptions weights, FilterOptions filters, ProductIndex index) {
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
