package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.testing.SampleData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Parity with the prototype on the shared 2,000-product sample: the leave-one-out precision@5
 * of the shape segment, the colour segment and the weighted image vector, by articleType,
 * subCategory and baseColour, equals what {@code /usr/bin/python3 tools/classic_features.py}
 * printed (Pillow 9.4.0, scikit-image 0.19.3) to within 0.01. A neighbour's label counts when it
 * equals the query's; the query itself is left out.
 */
class ClassicSampleParityTest {

    private static final List<String> LABELS = List.of("articleType", "subCategory", "baseColour");
    private static final int K = 5;
    private static final double TOLERANCE = 0.01;
    /** Rows of the similarity matrix computed together, sized so that they stay in cache. */
    private static final int ROW_BLOCK = 32;

    /** The prototype's output, row by row in the order of {@link #LABELS}. */
    private static final Map<String, double[]> PROTOTYPE = Map.of(
            "shape", new double[] {0.682, 0.914, 0.195},
            "colour", new double[] {0.276, 0.540, 0.535},
            "image", new double[] {0.648, 0.899, 0.418});

    /** Similarity of two products by their row numbers. */
    private interface Similarity {
        float of(int a, int b);
    }

    @Test
    void leaveOneOutPrecisionEqualsThePrototype() throws IOException {
        List<Product> products = Catalogs.read(SampleData.catalog(), new ProblemReport()).products();
        assertEquals(2000, products.size(), "products in the sample");
        ClassicImageEncoder encoder = new ClassicImageEncoder();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        long start = System.nanoTime();
        float[][] vectors = products.parallelStream().map(p -> encode(decoder, encoder, p)).toArray(float[][]::new);
        long decoded = System.nanoTime();
        int shapeLength = encoder.segments().get(0).length();
        float[][] shape = Arrays.stream(vectors).map(v -> Arrays.copyOfRange(v, 0, shapeLength)).toArray(float[][]::new);
        float[][] colour = Arrays.stream(vectors).map(v -> Arrays.copyOfRange(v, shapeLength, v.length)).toArray(float[][]::new);
        float[][] shapeSimilarity = gram(shape);
        float[][] colourSimilarity = gram(colour);
        long compared = System.nanoTime();

        // For unit segments, the cosine of sqrt(0.75) shape ⊕ sqrt(0.25) colour is this weighted sum.
        Map<String, Similarity> similarities = new LinkedHashMap<>();
        similarities.put("shape", (a, b) -> shapeSimilarity[a][b]);
        similarities.put("colour", (a, b) -> colourSimilarity[a][b]);
        similarities.put("image", (a, b) -> 0.75f * shapeSimilarity[a][b] + 0.25f * colourSimilarity[a][b]);
        List<String> report = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, Similarity> entry : similarities.entrySet()) {
            StringBuilder row = new StringBuilder(String.format("%-7s", entry.getKey()));
            for (int l = 0; l < LABELS.size(); l++) {
                String label = LABELS.get(l);
                double measured = precisionAtK(entry.getValue(), products.stream().map(p -> p.attribute(label)).toList());
                double expected = PROTOTYPE.get(entry.getKey())[l];
                row.append(String.format("  %s %.3f (prototype %.3f)", label, measured, expected));
                if (Math.abs(measured - expected) > TOLERANCE) {
                    outside.add(entry.getKey() + " by " + label + ": " + measured + ", prototype " + expected);
                }
            }
            report.add(row.toString());
        }
        System.out.printf("classic encoder on the sample: features in %d ms, similarities in %d ms; leave-one-out P@%d:%n  %s%n",
                (decoded - start) / 1_000_000, (compared - decoded) / 1_000_000, K, String.join("\n  ", report));
        assertTrue(outside.isEmpty(), "more than " + TOLERANCE + " from the prototype: " + outside + "\n" + String.join("\n", report));
    }

    private static float[] encode(ImageDecoder decoder, ClassicImageEncoder encoder, Product product) {
        try {
            return encoder.encode(decoder.decode(Objects.requireNonNull(product.image(), () -> "product " + product.id() + " has no image")));
        } catch (ImageDecodeException e) {
            throw new AssertionError("sample image of product " + product.id() + " does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * All dot products of the rows, as row updates {@code out[i] += x[i][k] * column k}: the inner
     * loop has no reduction, so the JIT vectorises it, and zeros (most of a colour histogram) are
     * skipped.
     */
    private static float[][] gram(float[][] rows) {
        int n = rows.length;
        int dimension = rows[0].length;
        float[][] columns = new float[dimension][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dimension; k++) {
                columns[k][i] = rows[i][k];
            }
        }
        float[][] out = new float[n][n];
        IntStream.range(0, (n + ROW_BLOCK - 1) / ROW_BLOCK).parallel().forEach(block -> {
            int end = Math.min(n, (block + 1) * ROW_BLOCK);
            for (int k = 0; k < dimension; k++) {
                float[] column = columns[k];
                for (int i = block * ROW_BLOCK; i < end; i++) {
                    float weight = rows[i][k];
                    if (weight != 0) {
                        float[] row = out[i];
                        for (int j = 0; j < n; j++) {
                            row[j] += weight * column[j];
                        }
                    }
                }
            }
        });
        return out;
    }

    /** The mean over products of the share of their K most similar other products with the same label. */
    private static double precisionAtK(Similarity similarity, List<String> labels) {
        int n = labels.size();
        long hits = 0;
        int[] top = new int[K];
        float[] topScores = new float[K];
        for (int q = 0; q < n; q++) {
            Arrays.fill(topScores, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                float score = similarity.of(q, j);
                if (j == q || score <= topScores[K - 1]) {
                    continue;
                }
                int at = K - 1;
                while (at > 0 && topScores[at - 1] < score) {
                    topScores[at] = topScores[at - 1];
                    top[at] = top[at - 1];
                    at--;
                }
                topScores[at] = score;
                top[at] = j;
            }
            for (int t : top) {
                if (Objects.equals(labels.get(t), labels.get(q))) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) n * K);
    }
}
