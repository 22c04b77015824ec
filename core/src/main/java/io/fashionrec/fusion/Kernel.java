package io.fashionrec.fusion;

import java.util.Locale;

/**
 * How per-segment similarities become one score.
 *
 * <p>Both kernels see the fused vector {@code [sqrt(w_s) * x_s]} whose segments {@code x_s} are
 * L2-normalised (or zero when the product lacks that segment, e.g. no photo).
 * {@link #COSINE} is the cosine of the two fused vectors: a product without a photo is compared
 * on what it has. {@link #LINEAR} is their dot product divided by the total weight: a missing
 * segment counts as zero similarity, so products with every modality rank first.
 */
public enum Kernel {
    COSINE, LINEAR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kernel fromJsonName(String name) {
        for (Kernel k : values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "': expected cosine or linear");
    }
}
