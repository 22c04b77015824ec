package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;

/**
 * One preprocessing step: an image in, an image out.
 *
 * <p>Contract for every implementation: the input is a {@code TYPE_INT_RGB} image (what
 * {@link io.fashionrec.image.ImageDecoder} returns; sub-images are fine), the output is a
 * {@code TYPE_INT_RGB} image, and the input is never modified: a step that has nothing to do may
 * return its input, any other returns a new image. Steps are immutable and thread-safe, and
 * deterministic: the same input gives the same pixels. {@code toString()} is a stable description
 * of the step and its parameters, fit for an encoder's preprocessing summary.
 */
@FunctionalInterface
public interface ImageTransform {

    /** @throws IllegalArgumentException if {@code image} is not {@code TYPE_INT_RGB} */
    BufferedImage apply(BufferedImage image);
}
