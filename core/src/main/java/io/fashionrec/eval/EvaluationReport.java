package io.fashionrec.eval;

import java.util.List;

/**
 * Everything one evaluation measured.
 *
 * @param k        the cut-off
 * @param products the number of products in the index
 * @param kernel   the kernel used, {@code cosine} or {@code linear}
 * @param results  one result per (configuration, label), configurations in the order asked
 */
public record EvaluationReport(int k, int products, String kernel, List<LabelResult> results) {

    /** The result of a configuration for a label, or null. */
    public LabelResult find(String modality, String label) {
        for (LabelResult r : results) {
            if (r.modality().equals(modality) && r.label().equals(label)) {
                return r;
            }
        }
        return null;
    }
}
