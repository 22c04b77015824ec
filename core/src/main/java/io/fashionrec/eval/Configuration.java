package io.fashionrec.eval;

import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Modality;

/**
 * A named way of scoring that evaluation measures, e.g. {@code text} (TF-IDF alone) or
 * {@code fused} (the default weights).
 */
public record Configuration(String name, FusionWeights weights) {

    public static Configuration only(Modality modality) {
        return new Configuration(modality.jsonName(), FusionWeights.only(modality));
    }

    public static Configuration fused(FusionWeights weights) {
        return new Configuration("fused", weights);
    }
}
