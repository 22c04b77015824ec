package io.fashionrec.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides which article type each product of a catalog is. Counts follow the types' shares
 * exactly (largest-remainder rounding) instead of being drawn independently, so that a catalog of
 * at least as many products as there are types contains every type, and the order is a seeded
 * shuffle so neighbouring ids are of different types.
 */
final class ArticleMix {

    private ArticleMix() {
    }

    /**
     * The article type of every product, by product index.
     *
     * @param products how many products, at least 0
     * @param seed     the catalog seed
     * @return a list of {@code products} types; every type occurs if {@code products >= } the
     *         number of types
     */
    static List<ArticleType> assign(int products, long seed) {
        ArticleType[] types = ArticleType.values();
        int[] counts = counts(products, types);
        List<ArticleType> order = new ArrayList<>(products);
        for (int t = 0; t < types.length; t++) {
            order.addAll(Collections.nCopies(counts[t], types[t]));
        }
        Collections.shuffle(order, Seeds.random(seed, 0, Seeds.MIX));
        return order;
    }

    private static int[] counts(int products, ArticleType[] types) {
        int totalShare = 0;
        for (ArticleType t : types) {
            totalShare += t.share();
        }
        boolean everyType = products >= types.length;
        int[] counts = new int[types.length];
        double[] remainders = new double[types.length];
        int assigned = 0;
        for (int t = 0; t < types.length; t++) {
            double exact = (double) products * types[t].share() / totalShare;
            counts[t] = (int) Math.floor(exact);
            if (everyType && counts[t] == 0) {
                // A small catalog still shows every type; the surplus is taken back below from the
                // types with the most products.
                counts[t] = 1;
            }
            remainders[t] = exact - Math.floor(exact);
            assigned += counts[t];
        }
        while (assigned < products) {
            int best = 0;
            for (int t = 1; t < types.length; t++) {
                if (remainders[t] > remainders[best]) {
                    best = t;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        while (assigned > products) {
            int largest = 0;
            for (int t = 1; t < types.length; t++) {
                if (counts[t] > counts[largest]) {
                    largest = t;
                }
            }
            counts[largest]--;
            assigned--;
        }
        return counts;
    }
}
