package io.fashionrec.catalog;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * How a fuzz case draws the kind of its next line: each kind with a weight (in the order the
 * enum declares them), some kinds capped per file so a case stays mostly readable. The enum's
 * first constant is the fallback kind (a valid line): drawn when a kind is over its cap or is
 * impossible at this point of the file. One instance per generated file; not thread-safe.
 */
final class KindMix<K extends Enum<K>> {

    private final K[] kinds;
    private final int[] weights;
    private final int totalWeight;
    private final Map<K, Integer> caps;
    private final Map<K, Integer> made;

    /**
     * @param weights one weight per constant of {@code kindClass}, in declaration order
     * @param caps    the most lines of a kind one file may get; kinds not named are uncapped
     */
    KindMix(Class<K> kindClass, int[] weights, Map<K, Integer> caps) {
        this.kinds = kindClass.getEnumConstants();
        if (weights.length != kinds.length) {
            throw new IllegalArgumentException(kinds.length + " kinds but " + weights.length + " weights");
        }
        this.weights = weights.clone();
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        this.totalWeight = sum;
        this.caps = Map.copyOf(caps);
        this.made = new EnumMap<>(kindClass);
    }

    /** The next kind; the fallback when the one drawn is over its cap or {@code possible} refuses it. */
    K pick(Random random, Predicate<K> possible) {
        int roll = random.nextInt(totalWeight);
        int k = 0;
        while (roll >= weights[k]) {
            roll -= weights[k];
            k++;
        }
        K kind = kinds[k];
        boolean overCap = made.merge(kind, 1, Integer::sum) > caps.getOrDefault(kind, Integer.MAX_VALUE);
        return overCap || !possible.test(kind) ? kinds[0] : kind;
    }
}
