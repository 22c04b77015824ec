package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The views of one image whose embeddings are averaged at test time. In order:
 * <ol>
 *   <li>the image itself;</li>
 *   <li>mirrored left to right;</li>
 *   <li>the central 0.875 of each side, resized back to the original size (Pillow bilinear);</li>
 *   <li>and from the fourth on, colour jitter of strength 0.1 in brightness, contrast and
 *       saturation, each view with its own factors.</li>
 * </ol>
 * Every view has the size of the input, so the views batch together. The same seed gives the
 * same views; immutable and thread-safe.
 */
public final class TestTimeAugmentation {

    public static final double CROP_FRACTION = 0.875;
    public static final double JITTER_STRENGTH = 0.1;

    private static final int FIXED_VIEWS = 3;

    private final long seed;

    public TestTimeAugmentation(long seed) {
        this.seed = seed;
    }

    /**
     * The first {@code count} views of {@code image} (a {@code TYPE_INT_RGB} image, which is
     * itself the first view).
     *
     * @throws IllegalArgumentException if {@code count < 1} or the image is not {@code TYPE_INT_RGB}
     */
    public List<BufferedImage> views(BufferedImage image, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one view is needed, got " + count);
        }
        RgbPixels.require(image);
        List<BufferedImage> views = new ArrayList<>(count);
        views.add(image);
        if (count > 1) {
            views.add(new HorizontalFlip().apply(image));
        }
        if (count > 2) {
            views.add(ImagePipeline.of(new CenterCrop(CROP_FRACTION), new Resize(image.getWidth(), image.getHeight())).apply(image));
        }
        SplittableRandom jitterSeeds = new SplittableRandom(seed);
        for (int i = FIXED_VIEWS; i < count; i++) {
            views.add(new ColorJitter(JITTER_STRENGTH, JITTER_STRENGTH, JITTER_STRENGTH, jitterSeeds.nextLong()).apply(image));
        }
        return views;
    }

    @Override
    public String toString() {
        return "TestTimeAugmentation(identity, HorizontalFlip, CenterCrop(" + CROP_FRACTION + ") + Resize back, ColorJitter("
                + JITTER_STRENGTH + ") per further view, seed " + seed + ")";
    }
}
