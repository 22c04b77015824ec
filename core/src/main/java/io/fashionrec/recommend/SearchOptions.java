package io.fashionrec.recommend;

import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search asks for besides the query itself.
 *
 * @param k       how many results, >= 1
 * @param weights fusion weights, or null for the index's defaults
 * @param kernel  the kernel, or null for the index's default
 * @param same    attributes whose value must equal the query product's (only for queries by product)
 * @param where   attribute = value conditions, compared ignoring case
 */
public record SearchOptions(int k, FusionWeights weights, Kernel kernel, List<String> same, Map<String, String> where) {

    public SearchOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        same = List.copyOf(same);
        where = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where));
    }

    /** k results, the index's fusion defaults, no filter. */
    public static SearchOptions top(int k) {
        return new SearchOptions(k, null, null, List.of(), Map.of());
    }

    public SearchOptions withWeights(FusionWeights w) {
        return new SearchOptions(k, w, kernel, same, where);
    }

    public SearchOptions withKernel(Kernel kern) {
        return new SearchOptions(k, weights, kern, same, where);
    }

    public SearchOptions withSame(List<String> attributes) {
        return new SearchOptions(k, weights, kernel, attributes, where);
    }

    public SearchOptions withWhere(Map<String, String> conditions) {
        return new SearchOptions(k, weights, kernel, same, conditions);
    }
}
