package io.fashionrec.cli;

import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import picocli.CommandLine.Option;

/** Mixin: fusion weights and kernel for one query or evaluation; unset values keep the index's defaults. */
final class WeightOptions {

    @Option(names = "--text-weight", paramLabel = "W", description = "Weight of the TF-IDF text similarity (default: the index's; indexes are built with " + FusionWeights.DEFAULT_TEXT + ").")
    Double text;

    @Option(names = "--image-weight", paramLabel = "W", description = "Weight of the image similarity (default: the index's; indexes are built with " + FusionWeights.DEFAULT_IMAGE + ").")
    Double image;

    @Option(names = "--alignment-weight", paramLabel = "W",
            description = "Weight of the similarity of the appearance the names imply (default: the index's; indexes are built with " + FusionWeights.DEFAULT_ALIGNMENT + ").")
    Double alignment;

    @Option(names = "--kernel", paramLabel = "K", description = "cosine or linear (default: the index's; indexes are built with cosine).")
    String kernel;

    /** The weights to use: the index's defaults with any given option applied, or null if none given. */
    FusionWeights weights(FusionWeights defaults) {
        if (text == null && image == null && alignment == null) {
            return null;
        }
        try {
            return new FusionWeights(text != null ? text : defaults.text(), image != null ? image : defaults.image(),
                    alignment != null ? alignment : defaults.alignment());
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
    }

    /** The kernel to use, or null for the index's default. */
    Kernel kernel() {
        if (kernel == null) {
            return null;
        }
        try {
            return Kernel.fromJsonName(kernel);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--kernel: " + e.getMessage());
        }
    }
}
