package io.fashionrec.feature;

import java.util.Objects;

/**
 * What produced a block of vectors: written into the index so that an index built with one
 * model is never queried with another.
 *
 * <p>Two descriptors describe the same model when name, version, dimension, preprocessing and
 * model hash are all equal ({@link #sameModelAs}); {@code record} equality says the same.
 *
 * @param name          the encoder's name, e.g. {@code classic}, {@code densenet121}, {@code tfidf}
 * @param version       the encoder implementation's version; bump it whenever its output changes
 * @param dimension     the length of its vectors (for a sparse text encoder: 0, the vocabulary decides)
 * @param preprocessing a stable, human-readable summary of the preprocessing (sizes, normalisation)
 * @param modelSha256   SHA-256 of the model file in lowercase hex, or empty for built-in encoders
 */
public record EncoderDescriptor(String name, int version, int dimension, String preprocessing, String modelSha256) {

    public EncoderDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preprocessing, "preprocessing");
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
    }

    /** True if vectors from {@code other} can be compared with vectors from this encoder. */
    public boolean sameModelAs(EncoderDescriptor other) {
        return equals(other);
    }

    /** A short label for messages: {@code classic v1 (628-d)}. */
    public String label() {
        String hash = modelSha256.isEmpty() ? "" : ", model " + modelSha256.substring(0, Math.min(12, modelSha256.length()));
        return name + " v" + version + (dimension > 0 ? " (" + dimension + "-d" + hash + ")" : hash.isEmpty() ? "" : " (" + hash.substring(2) + ")");
    }
}
