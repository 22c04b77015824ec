package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** CenterCrop, HorizontalFlip and PadToSquare: where each pixel ends up. */
class GeometryTransformsTest {

    private static final int WHITE = 0xFFFFFF;

    /** Each pixel says where it came from: red = x, green = y. */
    private static BufferedImage coordinates(int width, int height) {
        return rgb(width, height, (x, y) -> x << 16 | y << 8 | 0x55);
    }

    private static int at(int x, int y) {
        return x << 16 | y << 8 | 0x55;
    }

    @Test
    void aFractionCropKeepsTheCentre() {
        BufferedImage crop = new CenterCrop(0.875).apply(coordinates(224, 224));
        assertEquals(196, crop.getWidth());
        assertEquals(196, crop.getHeight());
        assertEquals(at(14, 14), crop.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(at(209, 209), crop.getRGB(195, 195) & 0xFFFFFF);
    }

    @Test
    void aFractionCropOfARectangleRoundsEachSide() {
        // 0.5 * 25 = 12.5 -> 13 wide, offset (25 - 13) / 2 = 6; 0.5 * 10 = 5 high, offset 2.5 -> 2.
        BufferedImage crop = new CenterCrop(0.5).apply(coordinates(25, 10));
        assertEquals(13, crop.getWidth());
        assertEquals(5, crop.getHeight());
        assertEquals(at(6, 2), crop.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void aFixedCropRoundsItsOffsetHalfToEvenLikeTorchvision() {
        assertEquals(at(2, 2), new CenterCrop(5, 5).apply(coordinates(10, 10)).getRGB(0, 0) & 0xFFFFFF);
        assertEquals(at(4, 4), new CenterCrop(4, 4).apply(coordinates(11, 11)).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void aCropLargerThanTheImageIsPaddedWithWhite() {
        BufferedImage crop = new CenterCrop(6, 4).apply(coordinates(4, 2));
        int[] expected = {
            WHITE, WHITE, WHITE, WHITE, WHITE, WHITE,
            WHITE, at(0, 0), at(1, 0), at(2, 0), at(3, 0), WHITE,
            WHITE, at(0, 1), at(1, 1), at(2, 1), at(3, 1), WHITE,
            WHITE, WHITE, WHITE, WHITE, WHITE, WHITE,
        };
        assertArrayEquals(expected, pixels(crop));
    }

    @Test
    void aCropWiderButShorterThanTheImagePadsOnlyTheSides() {
        BufferedImage crop = new CenterCrop(5, 2).apply(coordinates(3, 6));
        int[] expected = {WHITE, at(0, 2), at(1, 2), at(2, 2), WHITE, WHITE, at(0, 3), at(1, 3), at(2, 3), WHITE};
        assertArrayEquals(expected, pixels(crop));
    }

    @Test
    void aCropOfTheWholeImageReturnsIt() {
        BufferedImage image = coordinates(8, 8);
        assertSame(image, new CenterCrop(8, 8).apply(image));
        assertSame(image, new CenterCrop(1.0).apply(image));
    }

    @Test
    void cropArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CenterCrop(0.0));
        assertThrows(IllegalArgumentException.class, () -> new CenterCrop(1.5));
        assertThrows(IllegalArgumentException.class, () -> new CenterCrop(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new CenterCrop(0, 3));
        assertEquals("CenterCrop(0.875)", new CenterCrop(0.875).toString());
        assertEquals("CenterCrop(196x196)", new CenterCrop(196, 196).toString());
    }

    @Test
    void aFlipMirrorsEachRow() {
        BufferedImage flipped = new HorizontalFlip().apply(coordinates(5, 3));
        assertEquals(at(4, 0), flipped.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(at(0, 2), flipped.getRGB(4, 2) & 0xFFFFFF);
        assertEquals(at(2, 1), flipped.getRGB(2, 1) & 0xFFFFFF);
    }

    @Test
    void flippingTwiceGivesTheOriginalBack() {
        BufferedImage image = coordinates(7, 4);
        HorizontalFlip flip = new HorizontalFlip();
        BufferedImage twice = flip.apply(flip.apply(image));
        assertNotSame(image, twice);
        assertArrayEquals(pixels(image), pixels(twice));
    }

    @Test
    void aFlipOfASubImageMirrorsOnlyThatPart() {
        BufferedImage sub = coordinates(10, 10).getSubimage(2, 3, 4, 2);
        assertArrayEquals(new int[] {at(5, 3), at(4, 3), at(3, 3), at(2, 3), at(5, 4), at(4, 4), at(3, 4), at(2, 4)},
                pixels(new HorizontalFlip().apply(sub)));
    }

    @Test
    void paddingAWideImageAddsRowsAboveAndBelow() {
        BufferedImage square = new PadToSquare(Color.WHITE).apply(coordinates(4, 2));
        assertArrayEquals(new int[] {
            WHITE, WHITE, WHITE, WHITE,
            at(0, 0), at(1, 0), at(2, 0), at(3, 0),
            at(0, 1), at(1, 1), at(2, 1), at(3, 1),
            WHITE, WHITE, WHITE, WHITE,
        }, pixels(square));
    }

    @Test
    void paddingATallImagePutsTheOddColumnOnTheRight() {
        BufferedImage square = new PadToSquare(new Color(0x102030)).apply(coordinates(2, 5));
        assertEquals(5, square.getWidth());
        assertEquals(0x102030, square.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(at(0, 0), square.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(at(1, 4), square.getRGB(2, 4) & 0xFFFFFF);
        assertEquals(0x102030, square.getRGB(3, 4) & 0xFFFFFF);
        assertEquals(0x102030, square.getRGB(4, 4) & 0xFFFFFF);
    }

    @Test
    void aSquareImageNeedsNoPadding() {
        BufferedImage image = coordinates(6, 6);
        assertSame(image, new PadToSquare(Color.WHITE).apply(image));
        assertEquals("PadToSquare(#FFFFFF)", new PadToSquare(Color.WHITE).toString());
    }
}
