package io.fashionrec.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.VectorSegment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusedScorerTest {

    private static final long SEED = 20261127L;
    private final FusionLayout layout = FusionLayout.of(
            List.of(new VectorSegment("shape", 0, 6, 0.75), new VectorSegment("colour", 6, 4, 0.25)), 5);

    /** The cosine kernel must equal the cosine of the explicit fused vectors [sqrt(w_s) x_s]. */
    @Test
    void cosineKernelIsTheCosineOfTheFusedVectors() {
        Random random = new Random(SEED);
        FusionWeights weights = new FusionWeights(1.0, 1.5, 2.0);
        FusedScorer scorer = new FusedScorer(layout, weights, Kernel.COSINE);
        double[] w = layout.segmentWeights(weights);
        for (int trial = 0; trial < 200; trial++) {
            int qMask = random.nextInt(1 << layout.size());
            int cMask = random.nextInt(1 << layout.size());
            float[][] q = randomSegments(random, qMask);
            float[][] c = randomSegments(random, cMask);
            float[] dots = new float[layout.size()];
            double qq = 0;
            double cc = 0;
            double qc = 0;
            for (int s = 0; s < layout.size(); s++) {
                for (int d = 0; d < q[s].length; d++) {
                    dots[s] += q[s][d] * c[s][d];
                    qq += w[s] * q[s][d] * q[s][d];
                    cc += w[s] * c[s][d] * c[s][d];
                    qc += w[s] * q[s][d] * c[s][d];
                }
            }
            double expected = qq == 0 || cc == 0 ? 0 : qc / Math.sqrt(qq * cc);
            assertEquals(expected, scorer.score(dots, qMask, cMask), 1e-5, "trial " + trial + " seed " + SEED);
        }
    }

    @Test
    void linearKernelDividesByTheTotalWeightSoMissingSegmentsCountAsZero() {
        FusionWeights weights = new FusionWeights(1, 1, 2);
        FusedScorer linear = new FusedScorer(layout, weights, Kernel.LINEAR);
        FusedScorer cosine = new FusedScorer(layout, weights, Kernel.COSINE);
        float[] dots = {0.5f, 0, 0, 0, 0};
        // only the text segment on both sides: cosine compares on what both have, linear does not
        assertEquals(0.5, cosine.score(dots, 1, 1), 1e-9);
        assertEquals(0.5 * 1 / (1 + 1 + 2), linear.score(dots, 1, 1), 1e-9);
    }

    @Test
    void modalityScoreIsTheCosineOfItsBlockAndNaNWhenAbsent() {
        FusedScorer scorer = new FusedScorer(layout, FusionWeights.DEFAULT, Kernel.COSINE);
        float[] dots = {0.2f, 0.8f, 0.4f, 0.9f, 0.1f};
        int all = (1 << layout.size()) - 1;
        assertEquals(0.75 * 0.8 + 0.25 * 0.4, scorer.modalityScore(Modality.IMAGE, dots, all, all), 1e-6);
        assertEquals(0.2, scorer.modalityScore(Modality.TEXT, dots, all, all), 1e-6);
        assertTrue(Double.isNaN(scorer.modalityScore(Modality.IMAGE, dots, all, 1)), "candidate without a photo");
        // a zero modality weight still gives the modality's own score
        FusedScorer textOnly = new FusedScorer(layout, FusionWeights.only(Modality.TEXT), Kernel.COSINE);
        assertEquals(0.75 * 0.9 + 0.25 * 0.1, textOnly.modalityScore(Modality.ALIGNMENT, dots, all, all), 1e-6);
        assertEquals(0.2, textOnly.score(dots, all, all), 1e-6);
    }

    private float[][] randomSegments(Random random, int mask) {
        float[][] out = new float[layout.size()][];
        for (int s = 0; s < layout.size(); s++) {
            int d = s == 0 ? 7 : layout.get(s).dimension();
            out[s] = new float[d];
            if ((mask & (1 << s)) == 0) {
                continue;
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                out[s][i] = (float) random.nextGaussian();
                norm += out[s][i] * out[s][i];
            }
            for (int i = 0; i < d; i++) {
                out[s][i] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }
}
