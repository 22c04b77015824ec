package io.fashionrec.fusion;

/**
 * The weight of each modality in the fused similarity. Only ratios matter. Weights are
 * non-negative and at least one is positive.
 *
 * <p>The defaults were chosen with {@code fashionrec evaluate --grid} on the shared 2,000-product
 * sample (BENCHMARKS.md has the figures): on the plateau where fused precision@5 gains most over
 * the better single modality on every label (subCategory binds, flat for alignment weights 2 to
 * 6), the point that keeps articleType within 0.003 of its best while gaining on baseColour.
 */
public record FusionWeights(double text, double image, double alignment) {

    /** The default text weight (a constant, so that help texts can quote it). */
    public static final double DEFAULT_TEXT = 1.0;
    /** The default image weight. */
    public static final double DEFAULT_IMAGE = 1.5;
    /** The default alignment weight. */
    public static final double DEFAULT_ALIGNMENT = 3.0;
    /** Chosen by evaluation on the shared sample; see the class comment. */
    public static final FusionWeights DEFAULT = new FusionWeights(DEFAULT_TEXT, DEFAULT_IMAGE, DEFAULT_ALIGNMENT);

    public FusionWeights {
        check("text", text);
        check("image", image);
        check("alignment", alignment);
        if (text + image + alignment <= 0) {
            throw new IllegalArgumentException("at least one modality weight must be positive, got text=" + text
                    + " image=" + image + " alignment=" + alignment);
        }
    }

    private static void check(String name, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(name + " weight must be a finite number >= 0, got " + w);
        }
    }

    public double of(Modality modality) {
        return switch (modality) {
            case TEXT -> text;
            case IMAGE -> image;
            case ALIGNMENT -> alignment;
        };
    }

    public FusionWeights with(Modality modality, double weight) {
        return new FusionWeights(modality == Modality.TEXT ? weight : text, modality == Modality.IMAGE ? weight : image,
                modality == Modality.ALIGNMENT ? weight : alignment);
    }

    /** Only this modality counts: what {@code evaluate} reports as that modality alone. */
    public static FusionWeights only(Modality modality) {
        return new FusionWeights(modality == Modality.TEXT ? 1 : 0, modality == Modality.IMAGE ? 1 : 0,
                modality == Modality.ALIGNMENT ? 1 : 0);
    }

    @Override
    public String toString() {
        return "text=" + text + " image=" + image + " alignment=" + alignment;
    }
}
