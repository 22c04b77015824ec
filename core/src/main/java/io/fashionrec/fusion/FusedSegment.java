package io.fashionrec.fusion;

import java.util.Objects;

/**
 * One separately normalised part of the fused vector, e.g. {@code image.shape}.
 *
 * @param modality  the modality it belongs to
 * @param name      its name within the modality ({@code text}, {@code shape}, {@code colour}, ...)
 * @param share     its share of the modality's weight; the shares of one modality sum to 1
 * @param dimension its number of dimensions (0 for the sparse text segment: the vocabulary decides)
 */
public record FusedSegment(Modality modality, String name, double share, int dimension) {

    public FusedSegment {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(name, "name");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share of " + name + " must be in (0, 1], got " + share);
        }
    }

    /** {@code modality.name}, e.g. {@code image.shape}: the key used in the index. */
    public String key() {
        return modality.jsonName() + "." + name;
    }
}
