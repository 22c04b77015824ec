package io.fashionrec.image;

import static io.fashionrec.image.TestImages.encode;
import static io.fashionrec.image.TestImages.exifSegment;
import static io.fashionrec.image.TestImages.jpeg;
import static io.fashionrec.image.TestImages.rgb;
import static io.fashionrec.image.TestImages.spliceAfterSoi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** decode(..., minimumSide): every other row and column is skipped only when both sides stay at least minimumSide. */
class ReducedDecodingTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    private static BufferedImage photo(int width, int height) {
        return rgb(width, height, (x, y) -> (x % 256) << 16 | (y % 256) << 8 | 128);
    }

    @Test
    void halvesOnlyWhenBothSidesAreAtLeastTwiceTheMinimum() throws Exception {
        assertSize(112, 112, decoder.decode(jpeg(photo(224, 224), 0.9f, false), "a.jpg", 96));
        assertSize(150, 150, decoder.decode(jpeg(photo(150, 150), 0.9f, false), "b.jpg", 96), "150 < 2 x 96: full size");
        assertSize(400, 300, decoder.decode(jpeg(photo(800, 600), 0.9f, false), "c.jpg", 96), "never more than half");
        assertSize(224, 224, decoder.decode(jpeg(photo(224, 224), 0.9f, false), "d.jpg", 0), "0 asks for full size");
        assertSize(112, 112, decoder.decode(encode(photo(224, 224), "png"), "e.png", 96), "PNG too");
    }

    @Test
    void keepsEveryOtherPixelOfTheFullImage() throws Exception {
        byte[] png = encode(photo(200, 240), "png");
        BufferedImage full = decoder.decode(png, "full.png");
        BufferedImage half = decoder.decode(png, "half.png", 100);
        assertSize(100, 120, half);
        for (int y = 0; y < half.getHeight(); y += 7) {
            for (int x = 0; x < half.getWidth(); x += 5) {
                assertEquals(full.getRGB(2 * x, 2 * y), half.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void orientationIsAppliedAfterReducing() throws Exception {
        byte[] rotated = spliceAfterSoi(jpeg(photo(300, 200), 0.9f, false), exifSegment(6, ByteOrder.BIG_ENDIAN));
        assertSize(100, 150, decoder.decode(rotated, "rotated.jpg", 90));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(rotated, "x.jpg", -1));
    }

    private static void assertSize(int width, int height, BufferedImage image) {
        assertSize(width, height, image, "");
    }

    private static void assertSize(int width, int height, BufferedImage image, String why) {
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), why);
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
    }
}
