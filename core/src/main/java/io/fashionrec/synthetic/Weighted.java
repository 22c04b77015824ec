package io.fashionrec.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A fixed set of choices with relative weights, from which a {@link Random} picks one. Immutable
 * and thread-safe.
 *
 * @param <T> the kind of choice
 */
final class Weighted<T> {

    private final List<T> values;
    private final int[] cumulative;

    private Weighted(List<T> values, int[] weights) {
        this.values = List.copyOf(values);
        this.cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /**
     * Parses {@code "Men:7, Women:3"}: comma-separated {@code value:weight} pairs, the weight a
     * positive integer (default 1 when {@code :weight} is left out). Meant for the constant tables
     * of this package, so a bad spec is a programming error and fails at class initialisation.
     *
     * @param spec  the pairs
     * @param parse turns the value text into a choice; may throw for an unknown value
     */
    static <T> Weighted<T> parse(String spec, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (String part : spec.split(",")) {
            String item = part.strip();
            int colon = item.lastIndexOf(':');
            int weight = colon < 0 ? 1 : Integer.parseInt(item.substring(colon + 1).strip());
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive in '" + item + "' of '" + spec + "'");
            }
            values.add(parse.apply(colon < 0 ? item : item.substring(0, colon).strip()));
            weights.add(weight);
        }
        return new Weighted<>(values, weights.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One of the choices, each with probability proportional to its weight. */
    T pick(Random random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return values.get(i);
            }
        }
        throw new AssertionError("cumulative weights end at the total");
    }

    /** Every choice, in the order given. */
    List<T> values() {
        return values;
    }
}
