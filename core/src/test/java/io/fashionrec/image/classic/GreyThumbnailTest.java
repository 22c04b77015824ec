package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fashionrec.image.TestImages;
import io.fashionrec.image.transform.Resize;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreyThumbnailTest {

    /** Pillow's {@code Image.new("RGB", (1, 1), rgb).convert("L")} (Pillow 9.4.0). */
    @Test
    void lumaEqualsPillow() {
        assertEquals(255, GreyThumbnail.luma(0xFFFFFF));
        assertEquals(0, GreyThumbnail.luma(0x000000));
        assertEquals(76, GreyThumbnail.luma(0xFF0000));
        assertEquals(150, GreyThumbnail.luma(0x00FF00));
        assertEquals(29, GreyThumbnail.luma(0x0000FF));
        assertEquals(15, GreyThumbnail.luma(0x000080));
        assertEquals(113, GreyThumbnail.luma(0x808000));
        assertEquals(6, GreyThumbnail.luma(0x0A0503));
    }

    /**
     * The one-plane route gives exactly what resizing the grey image as an R = G = B image
     * in one step gives, on random images of sizes that shrink, grow, keep a side, or are not
     * multiples of three.
     */
    @Test
    void equalsAOneStepResizeOfTheGreyImage() {
        int[][] sizes = {{224, 224}, {300, 450}, {97, 95}, {96, 200}, {200, 96}, {50, 20}, {1, 1}, {96, 96}};
        long seed = 20240611L;
        Random random = new Random(seed);
        GreyThumbnail thumbnail = new GreyThumbnail(96);
        for (int[] size : sizes) {
            int[] noise = random.ints(size[0] * size[1]).toArray();
            // Smooth areas as well as noise, so that both small and large sums are rounded.
            BufferedImage image = TestImages.rgb(size[0], size[1], (x, y) -> (x / 7 + y / 5) % 3 == 0 ? noise[y * size[0] + x] & 0xFFFFFF : 0x3060C0);
            float[] actual = thumbnail.of(image);
            float[] expected = oneStep(image, 96);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], "seed " + seed + ", " + size[0] + "x" + size[1] + ", value " + i);
            }
        }
    }

    private static float[] oneStep(BufferedImage image, int side) {
        BufferedImage grey = TestImages.rgb(image.getWidth(), image.getHeight(), (x, y) -> {
            int l = GreyThumbnail.luma(image.getRGB(x, y));
            return l << 16 | l << 8 | l;
        });
        int[] resized = TestImages.pixels(new Resize(side, side).apply(grey));
        float[] out = new float[resized.length];
        for (int i = 0; i < resized.length; i++) {
            out[i] = (resized[i] & 0xFF) / 255f;
        }
        return out;
    }
}
