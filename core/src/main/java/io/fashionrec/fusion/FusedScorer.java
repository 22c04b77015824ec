package io.fashionrec.fusion;

/**
 * Combines per-segment cosines into the fused score and the per-modality breakdown.
 *
 * <p>Inputs per (query, candidate) pair: {@code dots[s]}, the dot product of the two
 * L2-normalised segment vectors (0 when either side lacks the segment), and the presence masks
 * of both sides (bit {@code s} set when that side has segment {@code s}). With segment weights
 * {@code w_s = weight(modality) * share}:
 * <ul>
 *   <li>{@link Kernel#COSINE}: {@code sum(w_s dots[s]) / (sqrt(sum_{s in query} w_s) * sqrt(sum_{s in candidate} w_s))},
 *       the cosine of the fused vectors {@code [sqrt(w_s) x_s]};</li>
 *   <li>{@link Kernel#LINEAR}: {@code sum(w_s dots[s]) / sum_s w_s}, their dot product over the
 *       total weight.</li>
 * </ul>
 * A modality's own score is the cosine of its block alone, weighted by segment shares (so it is
 * defined even when the modality's weight is 0), or NaN when either side lacks the modality.
 * Immutable and thread-safe.
 */
public final class FusedScorer {

    private final FusionLayout layout;
    private final FusionWeights weights;
    private final Kernel kernel;
    private final double[] w;
    private final double totalWeight;
    /** sqrt of the summed weights of the segments in each presence mask. */
    private final double[] maskNorm;

    public FusedScorer(FusionLayout layout, FusionWeights weights, Kernel kernel) {
        if (layout.size() > 16) {
            throw new IllegalArgumentException("at most 16 fused segments are supported, got " + layout.size());
        }
        this.layout = layout;
        this.weights = weights;
        this.kernel = kernel;
        this.w = layout.segmentWeights(weights);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        this.totalWeight = total;
        this.maskNorm = new double[1 << layout.size()];
        for (int mask = 0; mask < maskNorm.length; mask++) {
            double sum = 0;
            for (int s = 0; s < w.length; s++) {
                if ((mask & (1 << s)) != 0) {
                    sum += w[s];
                }
            }
            maskNorm[mask] = Math.sqrt(sum);
        }
    }

    public FusionLayout layout() {
        return layout;
    }

    public FusionWeights weights() {
        return weights;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The fused score; see the class comment. 0 when nothing can be compared. */
    public double score(float[] dots, int queryMask, int candidateMask) {
        double num = 0;
        for (int s = 0; s < w.length; s++) {
            num += w[s] * dots[s];
        }
        double den = kernel == Kernel.COSINE ? maskNorm[queryMask] * maskNorm[candidateMask] : totalWeight;
        return den > 0 ? num / den : 0;
    }

    /**
     * The fused score from one column of per-segment dot arrays: {@code dots[s][j]}. The scan
     * path uses this to avoid copying a pair's dots into a small array.
     */
    public double score(float[][] dots, int j, int queryMask, int candidateMask) {
        double num = 0;
        for (int s = 0; s < w.length; s++) {
            num += w[s] * dots[s][j];
        }
        double den = kernel == Kernel.COSINE ? maskNorm[queryMask] * maskNorm[candidateMask] : totalWeight;
        return den > 0 ? num / den : 0;
    }

    /** The cosine of one modality's block, or NaN when either side lacks the modality. */
    public double modalityScore(Modality modality, float[] dots, int queryMask, int candidateMask) {
        double num = 0;
        double q = 0;
        double c = 0;
        for (int s = 0; s < layout.size(); s++) {
            FusedSegment seg = layout.get(s);
            if (seg.modality() != modality) {
                continue;
            }
            num += seg.share() * dots[s];
            if ((queryMask & (1 << s)) != 0) {
                q += seg.share();
            }
            if ((candidateMask & (1 << s)) != 0) {
                c += seg.share();
            }
        }
        return q > 0 && c > 0 ? num / Math.sqrt(q * c) : Double.NaN;
    }
}
