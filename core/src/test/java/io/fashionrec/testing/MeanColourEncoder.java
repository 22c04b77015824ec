package io.fashionrec.testing;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.image.ImageEncoder;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A tiny deterministic image encoder for tests that must not depend on the real encoders:
 * segment {@code tone} is the mean colour of the non-white pixels, segment {@code layout} the
 * mean brightness of each quadrant.
 */
public final class MeanColourEncoder implements ImageEncoder {

    private static final List<VectorSegment> SEGMENTS = List.of(new VectorSegment("tone", 0, 3, 0.5),
            new VectorSegment("layout", 3, 4, 0.5));

    @Override
    public EncoderDescriptor descriptor() {
        return new EncoderDescriptor("mean-colour-test", 1, 7, "mean rgb of non-white pixels + quadrant brightness", "");
    }

    @Override
    public List<VectorSegment> segments() {
        return SEGMENTS;
    }

    @Override
    public float[] encode(BufferedImage image) {
        float[] v = new float[7];
        int w = image.getWidth();
        int h = image.getHeight();
        int foreground = 0;
        int[] quadrantCount = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 255;
                int g = rgb >> 8 & 255;
                int b = rgb & 255;
                if (Math.min(r, Math.min(g, b)) < 240) {
                    v[0] += r;
                    v[1] += g;
                    v[2] += b;
                    foreground++;
                }
                int q = (y * 2 / h) * 2 + x * 2 / w;
                v[3 + q] += (r + g + b) / 765f;
                quadrantCount[q]++;
            }
        }
        for (int c = 0; c < 3; c++) {
            v[c] = foreground == 0 ? 0 : v[c] / foreground / 255f;
        }
        for (int q = 0; q < 4; q++) {
            v[3 + q] = quadrantCount[q] == 0 ? 0 : 1 - v[3 + q] / quadrantCount[q];
        }
        return v;
    }
}
