package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResizeTest {

    /** The pattern resize-golden.txt was made from (see its header). */
    private static BufferedImage pattern(int width, int height) {
        return rgb(width, height, (x, y) -> (x * 37 + y * 11) % 256 << 16 | ((x ^ y) * 29) % 256 << 8 | ((x / 2 + y) % 2 == 1 ? 255 : 0));
    }

    /** Cases of images/resize-golden.txt: input size, output size, Pillow's output pixels. */
    static Stream<Arguments> pillowGoldens() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ResizeTest.class.getResourceAsStream("/images/resize-golden.txt")), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int[] size = Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
                int[] expected = new int[size[2] * size[3]];
                for (int row = 0; row < size[3]; row++) {
                    String[] hex = in.readLine().trim().split(" ");
                    for (int x = 0; x < size[2]; x++) {
                        expected[row * size[2] + x] = Integer.parseInt(hex[x], 16);
                    }
                }
                cases.add(Arguments.of(size[0], size[1], size[2], size[3], expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("pillowGoldens")
    void matchesPillowBilinearBitForBit(int inWidth, int inHeight, int outWidth, int outHeight, int[] expected) {
        BufferedImage resized = new Resize(outWidth, outHeight).apply(pattern(inWidth, inHeight));
        assertEquals(BufferedImage.TYPE_INT_RGB, resized.getType());
        assertEquals(outWidth, resized.getWidth());
        assertEquals(outHeight, resized.getHeight());
        assertArrayEquals(expected, pixels(resized));
    }

    /** One channel plane at a time gives that channel of Pillow's RGB result. */
    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("pillowGoldens")
    void eachPlaneMatchesItsChannelOfPillowBitForBit(int inWidth, int inHeight, int outWidth, int outHeight, int[] expected) {
        int[] source = pixels(pattern(inWidth, inHeight));
        for (int shift = 0; shift <= 16; shift += 8) {
            int[] plane = new int[source.length];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = source[i] >> shift & 0xFF;
            }
            int[] resized = PillowBilinear.resample(plane, inWidth, inHeight, outWidth, outHeight);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i] >> shift & 0xFF, resized[i], "channel at bit " + shift + ", value " + i);
            }
        }
    }

    @Test
    void aPlaneOfAnotherLengthIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PillowBilinear.resample(new int[5], 2, 3, 1, 1));
        assertEquals("a 2x3 plane holds 6 values, got 5", e.getMessage());
    }

    @Test
    void theGoldenFileHoldsAllItsCases() throws IOException {
        assertEquals(5, pillowGoldens().count());
    }

    @Test
    void halvingACheckerboardAveragesItToGrey() {
        BufferedImage checkerboard = rgb(32, 32, (x, y) -> (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
        BufferedImage half = new Resize(16, 16).apply(checkerboard);
        // Point sampling would give pure black or white; the stretched triangle averages.
        for (int y = 1; y < 15; y++) {
            for (int x = 1; x < 15; x++) {
                int grey = half.getRGB(x, y) & 0xFF;
                assertTrue(grey == 127 || grey == 128, "pixel " + x + "," + y + " is " + grey);
                assertEquals(grey * 0x010101, half.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void aSolidColourStaysExactlyThatColour() {
        BufferedImage solid = rgb(50, 30, (x, y) -> 0x3C7A9F);
        for (int[] size : new int[][] {{17, 11}, {91, 67}, {13, 80}, {50, 7}}) {
            int[] out = pixels(new Resize(size[0], size[1]).apply(solid));
            assertTrue(Arrays.stream(out).allMatch(p -> p == 0x3C7A9F), "resized to " + size[0] + "x" + size[1]);
        }
    }

    @Test
    void theSameSizeReturnsTheInputItself() {
        BufferedImage image = pattern(20, 10);
        assertSame(image, new Resize(20, 10).apply(image));
        assertSame(image, Resize.shorterSide(10).apply(image));
    }

    @Test
    void shorterSideKeepsTheAspectRatioAndTruncatesTheLongerSide() {
        assertSize(150, 100, Resize.shorterSide(100).apply(pattern(300, 200)));
        assertSize(100, 150, Resize.shorterSide(100).apply(pattern(200, 300)));
        // 224 * 333 / 200 = 372.96, truncated like torchvision.
        assertSize(372, 224, Resize.shorterSide(224).apply(pattern(333, 200)));
        assertSize(64, 64, Resize.shorterSide(64).apply(pattern(20, 20)));
    }

    @Test
    void aSubImageIsReadFromItsOwnCorner() {
        BufferedImage parent = pattern(60, 40);
        BufferedImage sub = parent.getSubimage(7, 5, 30, 20);
        BufferedImage copy = rgb(30, 20, (x, y) -> parent.getRGB(x + 7, y + 5));
        assertArrayEquals(pixels(new Resize(11, 9).apply(copy)), pixels(new Resize(11, 9).apply(sub)));
        assertArrayEquals(pixels(new Resize(11, 20).apply(copy)), pixels(new Resize(11, 20).apply(sub)));
        assertArrayEquals(pixels(new Resize(30, 9).apply(copy)), pixels(new Resize(30, 9).apply(sub)));
    }

    @Test
    void anImageOfAnotherTypeIsRefusedWithAHint() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Resize(2, 2).apply(argb));
        assertEquals("image transforms take TYPE_INT_RGB images (what ImageDecoder returns), got type 2; "
                + "decode the image with ImageDecoder first", e.getMessage());
    }

    @Test
    void sizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Resize(0, 5));
        assertThrows(IllegalArgumentException.class, () -> Resize.shorterSide(-1));
    }

    @Test
    void describesItself() {
        assertEquals("Resize(224x224, Pillow bilinear)", new Resize(224, 224).toString());
        assertEquals("Resize(shorter side 256, Pillow bilinear)", Resize.shorterSide(256).toString());
    }

    private static void assertSize(int width, int height, BufferedImage image) {
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }
}
