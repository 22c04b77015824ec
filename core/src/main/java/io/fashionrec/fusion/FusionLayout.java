package io.fashionrec.fusion;

import io.fashionrec.feature.VectorSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of the fused vector, in a fixed order: the text segment first, then one image
 * segment per segment of the image encoder, then one alignment segment per image segment (the
 * alignment predicts each image segment from the text).
 *
 * <p>A layout is a pure description; vectors live in the index.
 */
public final class FusionLayout {

    private final List<FusedSegment> segments;

    private FusionLayout(List<FusedSegment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * The layout for an image encoder with {@code imageSegments} and an alignment sketch of
     * {@code alignmentDimension} per segment (0 when there is no image encoder or no alignment).
     */
    public static FusionLayout of(List<VectorSegment> imageSegments, int alignmentDimension) {
        List<FusedSegment> out = new ArrayList<>();
        out.add(new FusedSegment(Modality.TEXT, "text", 1.0, 0));
        for (VectorSegment s : imageSegments) {
            out.add(new FusedSegment(Modality.IMAGE, s.name(), s.weight(), s.length()));
        }
        if (alignmentDimension > 0) {
            for (VectorSegment s : imageSegments) {
                out.add(new FusedSegment(Modality.ALIGNMENT, s.name(), s.weight(), alignmentDimension));
            }
        }
        return new FusionLayout(out);
    }

    public List<FusedSegment> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    public FusedSegment get(int i) {
        return segments.get(i);
    }

    /** The effective weight of each segment: its modality's weight times its share. */
    public double[] segmentWeights(FusionWeights weights) {
        double[] w = new double[segments.size()];
        for (int i = 0; i < w.length; i++) {
            FusedSegment s = segments.get(i);
            w[i] = weights.of(s.modality()) * s.share();
        }
        return w;
    }
}
