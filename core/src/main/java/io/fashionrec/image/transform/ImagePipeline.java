package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Steps applied in order, as one step. Immutable: {@link #then} returns a new pipeline. An empty
 * pipeline returns its input.
 */
public final class ImagePipeline implements ImageTransform {

    private final List<ImageTransform> steps;

    private ImagePipeline(List<ImageTransform> steps) {
        this.steps = List.copyOf(steps);
    }

    public static ImagePipeline of(ImageTransform... steps) {
        for (ImageTransform step : steps) {
            Objects.requireNonNull(step, "a pipeline step is null");
        }
        return new ImagePipeline(List.of(steps));
    }

    /** This pipeline followed by {@code step}. */
    public ImagePipeline then(ImageTransform step) {
        Objects.requireNonNull(step, "step");
        List<ImageTransform> longer = new ArrayList<>(steps);
        longer.add(step);
        return new ImagePipeline(longer);
    }

    /** The steps, in order (unmodifiable). */
    public List<ImageTransform> steps() {
        return steps;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        RgbPixels.require(image);
        BufferedImage current = image;
        for (ImageTransform step : steps) {
            current = step.apply(current);
        }
        return current;
    }

    /** The steps' descriptions joined by {@code " -> "}, or {@code identity}. */
    @Override
    public String toString() {
        return steps.isEmpty() ? "identity" : steps.stream().map(String::valueOf).collect(Collectors.joining(" -> "));
    }
}
