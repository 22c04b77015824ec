package io.fashionrec.image.classic;

import io.fashionrec.image.transform.Resize;
import java.awt.image.BufferedImage;

/**
 * The colour of the product in a photo: the image resized to 64x64 (Pillow BILINEAR), its
 * {@link ForegroundMask foreground} pixels converted to {@link CieLab} and added to a
 * {@link SoftColourHistogram} with a Gaussian weight centred on the image ({@code sigma} a
 * quarter of the side: the product is usually in the middle, props and shadows at the edges),
 * then {@link SoftColourHistogram#rootNormalised root-normalised}. An image that is all
 * background (all white) gives zeros.
 *
 * <p>Immutable and thread-safe.
 */
final class ColourDescriptor {

    static final int SIDE = 64;
    static final double CENTRE_SIGMA = 0.25;

    /** The Gaussian weight of each pixel of the 64x64 image, row by row. */
    private static final double[] CENTRE_WEIGHTS = new double[SIDE * SIDE];

    static {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dx = ((x + 0.5) / SIDE - 0.5) / CENTRE_SIGMA;
                double dy = ((y + 0.5) / SIDE - 0.5) / CENTRE_SIGMA;
                CENTRE_WEIGHTS[y * SIDE + x] = StrictMath.exp(-0.5 * (dx * dx + dy * dy));
            }
        }
    }

    private final Resize resize = new Resize(SIDE, SIDE);

    int length() {
        return SoftColourHistogram.LENGTH;
    }

    /** The descriptor of a {@code TYPE_INT_RGB} image of any size, {@link #length()} values. */
    float[] describe(BufferedImage image) {
        int[] rgb = PackedPixels.read(resize.apply(image));
        boolean[] foreground = ForegroundMask.of(rgb, SIDE, SIDE);
        SoftColourHistogram histogram = new SoftColourHistogram();
        double[] lab = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            if (foreground[i]) {
                CieLab.of(rgb[i], lab);
                histogram.add(lab[0], lab[1], lab[2], CENTRE_WEIGHTS[i]);
            }
        }
        return histogram.rootNormalised();
    }
}
