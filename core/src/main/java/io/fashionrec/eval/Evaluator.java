package io.fashionrec.eval;

import io.fashionrec.fusion.FusedScorer;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.index.FusedVectors;
import io.fashionrec.index.ProductTable;
import io.fashionrec.progress.Progress;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.TopK;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measures how often a product's nearest neighbours share its attributes: leave-one-out
 * precision@k and nDCG@k, per label, for several scoring configurations at once. Every product
 * is a query; its k best other products are ranked exactly as {@link Recommender} ranks them
 * (same scores, same tie-break). The attribute columns are only read here, never by features.
 *
 * <p>The per-segment similarities are computed once per batch of queries and shared by every
 * configuration, so a weight grid costs little more than one configuration.
 */
public final class Evaluator {

    private static final int BATCH = 32;

    private final Recommender recommender;

    public Evaluator(Recommender recommender) {
        this.recommender = recommender;
    }

    /**
     * @param labels         attribute names to score against; each must exist in the index
     * @param k              the cut-off, >= 1
     * @param configurations what to measure, e.g. text alone, image alone, fused
     * @param kernel         the kernel, or null for the index's default
     */
    public EvaluationReport evaluate(List<String> labels, int k, List<Configuration> configurations, Kernel kernel,
                                     Progress progress) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        ProductTable products = recommender.index().products();
        FusedVectors vectors = recommender.index().vectors();
        int n = products.size();
        if (n <= k) {
            throw new IllegalArgumentException("evaluating precision@" + k + " needs more than " + k + " products; the index has " + n);
        }
        Kernel kern = kernel != null ? kernel : recommender.index().defaultKernel();
        int[][] values = labelValues(products, labels);
        int[][] sameCounts = sameCounts(values);
        List<FusedScorer> scorers = new ArrayList<>();
        for (Configuration c : configurations) {
            scorers.add(new FusedScorer(vectors.layout(), c.weights(), kern));
        }
        int configs = configurations.size();
        int nLabels = labels.size();
        // [config][label] sums, merged from per-batch partial sums
        double[][] precision = new double[configs][nLabels];
        double[][] ndcg = new double[configs][nLabels];
        int[] scored = new int[nLabels];
        for (int l = 0; l < nLabels; l++) {
            for (int i = 0; i < n; i++) {
                if (values[l][i] >= 0) {
                    scored[l]++;
                }
            }
        }
        double[] ideal = idealDcg(k);
        int batches = (n + BATCH - 1) / BATCH;
        progress.start("evaluating", n);
        IntStream.range(0, batches).parallel().forEach(b -> {
            int from = b * BATCH;
            int to = Math.min(n, from + BATCH);
            int[] queries = IntStream.range(from, to).toArray();
            float[][][] dots = recommender.productDots(queries);
            double[][] p = new double[configs][nLabels];
            double[][] g = new double[configs][nLabels];
            for (int c = 0; c < configs; c++) {
                FusedScorer scorer = scorers.get(c);
                for (int q = 0; q < queries.length; q++) {
                    int i = queries[q];
                    int[] best = rank(scorer, dots[q], vectors, i, k);
                    for (int l = 0; l < nLabels; l++) {
                        int v = values[l][i];
                        if (v < 0) {
                            continue;
                        }
                        int hits = 0;
                        double dcg = 0;
                        for (int r = 0; r < best.length; r++) {
                            if (values[l][best[r]] == v) {
                                hits++;
                                dcg += 1.0 / log2(r + 2);
                            }
                        }
                        p[c][l] += (double) hits / k;
                        int relevant = Math.min(k, sameCounts[l][i]);
                        g[c][l] += relevant == 0 ? 0 : dcg / ideal[relevant];
                    }
                }
            }
            synchronized (precision) {
                for (int c = 0; c < configs; c++) {
                    for (int l = 0; l < nLabels; l++) {
                        precision[c][l] += p[c][l];
                        ndcg[c][l] += g[c][l];
                    }
                }
            }
            progress.advance(queries.length);
        });
        progress.finish();
        List<LabelResult> results = new ArrayList<>();
        for (int c = 0; c < configs; c++) {
            for (int l = 0; l < nLabels; l++) {
                int m = Math.max(1, scored[l]);
                results.add(new LabelResult(configurations.get(c).name(), configurations.get(c).weights().toString(),
                        labels.get(l), precision[c][l] / m, ndcg[c][l] / m, scored[l]));
            }
        }
        return new EvaluationReport(k, n, kern.jsonName(), results);
    }

    /** The k best other products for query i under a scorer, ties to the lower ordinal. */
    private static int[] rank(FusedScorer scorer, float[][] dots, FusedVectors vectors, int i, int k) {
        TopK top = new TopK(k);
        int qm = vectors.mask(i);
        for (int j = 0; j < vectors.size(); j++) {
            if (j != i) {
                top.offer(scorer.score(dots, j, qm, vectors.mask(j)), j);
            }
        }
        return top.ordinals();
    }

    /** Per label, each product's value as a small integer, -1 when the product has none. */
    private static int[][] labelValues(ProductTable products, List<String> labels) {
        int[][] out = new int[labels.size()][products.size()];
        for (int l = 0; l < labels.size(); l++) {
            String label = labels.get(l);
            if (!products.hasAttribute(label)) {
                throw new IllegalArgumentException("unknown label '" + label + "'; this index has the attributes: "
                        + String.join(", ", products.attributeNames()));
            }
            Map<String, Integer> codes = new HashMap<>();
            for (int i = 0; i < products.size(); i++) {
                String v = products.attribute(i, label).strip();
                out[l][i] = v.isEmpty() ? -1 : codes.computeIfAbsent(v, x -> codes.size());
            }
        }
        return out;
    }

    /** Per label, how many other products share each product's value. */
    private static int[][] sameCounts(int[][] values) {
        int[][] out = new int[values.length][];
        for (int l = 0; l < values.length; l++) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int v : values[l]) {
                counts.merge(v, 1, Integer::sum);
            }
            out[l] = new int[values[l].length];
            for (int i = 0; i < values[l].length; i++) {
                out[l][i] = values[l][i] < 0 ? 0 : counts.get(values[l][i]) - 1;
            }
        }
        return out;
    }

    /** ideal[r] = DCG of r relevant results at the top. */
    private static double[] idealDcg(int k) {
        double[] ideal = new double[k + 1];
        for (int r = 1; r <= k; r++) {
            ideal[r] = ideal[r - 1] + 1.0 / log2(r + 1);
        }
        return ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
