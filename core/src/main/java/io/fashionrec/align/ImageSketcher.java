package io.fashionrec.align;

import io.fashionrec.feature.VectorSegment;
import java.util.List;

/**
 * Sketches an image vector, segment by segment, into the space the alignment is fitted in:
 * segment {@code s} goes to {@code out[offset + s*r .. offset + (s+1)*r)} through its own
 * {@link GaussianSketch}. The index builder sketches each photo on the worker that encoded it;
 * photo queries are sketched the same way. Immutable and thread-safe.
 */
public final class ImageSketcher {

    private final List<VectorSegment> segments;
    private final int dimension;
    private final GaussianSketch[] sketches;

    public ImageSketcher(List<VectorSegment> segments, AlignmentSettings settings) {
        this.segments = List.copyOf(segments);
        this.dimension = settings.sketchDimension();
        this.sketches = new GaussianSketch[segments.size()];
        for (int s = 0; s < sketches.length; s++) {
            sketches[s] = new GaussianSketch(segments.get(s).length(), dimension, settings.seed() + 31L * s);
        }
    }

    /** The length of a whole sketch: sketch dimension times the number of segments. */
    public int length() {
        return dimension * segments.size();
    }

    /** Sketches every segment of {@code image} (segments L2-normalised) into {@code out} at {@code offset}. */
    public void sketch(float[] image, float[] out, int offset) {
        for (int s = 0; s < sketches.length; s++) {
            sketch(image, s, out, offset + s * dimension);
        }
    }

    /** Sketches one segment of {@code image} into {@code out[offset .. offset + r)}. */
    void sketch(float[] image, int segment, float[] out, int offset) {
        sketches[segment].project(image, segments.get(segment).offset(), out, offset);
    }
}
