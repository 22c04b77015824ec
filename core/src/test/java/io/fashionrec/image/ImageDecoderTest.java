package io.fashionrec.image;

import static io.fashionrec.image.TestImages.adobeJpeg;
import static io.fashionrec.image.TestImages.encode;
import static io.fashionrec.image.TestImages.fourBands;
import static io.fashionrec.image.TestImages.jpeg;
import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.ProblemKind;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageDecoderTest {

    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    private static final int CYAN = 0x00FFFF;

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    // ---- formats and pixel layouts -------------------------------------------------------

    @Test
    void baselineJpegDecodesToIntRgbWithItsColours() throws Exception {
        BufferedImage decoded = decoder.decode(jpeg(halves(RED, BLUE), 0.95f, false), "halves.jpg");
        assertRgb(decoded, 32, 16);
        assertNear(RED, decoded.getRGB(4, 8), 12, "left half");
        assertNear(BLUE, decoded.getRGB(28, 8), 12, "right half");
    }

    @Test
    void progressiveJpegDecodesLikeBaseline() throws Exception {
        byte[] progressive = jpeg(halves(RED, BLUE), 0.95f, true);
        assertTrue(TestImages.indexOfMarker(progressive, 0xC2) > 0, "the fixture must be a progressive (SOF2) JPEG");
        BufferedImage decoded = decoder.decode(progressive, "progressive.jpg");
        assertRgb(decoded, 32, 16);
        assertNear(RED, decoded.getRGB(4, 8), 12, "left half");
        assertNear(BLUE, decoded.getRGB(28, 8), 12, "right half");
    }

    @Test
    void greyJpegKeepsItsGreyValuesInsteadOfTreatingThemAsLinear() throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setSample(x, y, 0, x < 8 ? 60 : 200);
            }
        }
        BufferedImage decoded = decoder.decode(jpeg(grey, 1f, false), "grey.jpg");
        assertRgb(decoded, 16, 16);
        // A linear-to-sRGB conversion would turn 60 into about 136.
        assertNear(0x3C3C3C, decoded.getRGB(2, 8), 3, "dark half");
        assertNear(0xC8C8C8, decoded.getRGB(13, 8), 3, "light half");
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        // Adobe (inverted) CMYK: cyan ink | black ink | no ink.
        Raster cmyk = fourBands(48, 16, (x, y) -> x < 16 ? new int[] {0, 255, 255, 255}
                : x < 32 ? new int[] {255, 255, 255, 0} : new int[] {255, 255, 255, 255});
        BufferedImage decoded = decoder.decode(adobeJpeg(cmyk, 0), "cmyk.jpg");
        assertRgb(decoded, 48, 16);
        assertNear(CYAN, decoded.getRGB(8, 8), 12, "cyan ink");
        assertNear(BLACK, decoded.getRGB(24, 8), 12, "black ink");
        assertNear(WHITE, decoded.getRGB(40, 8), 12, "no ink");
    }

    @Test
    void ycckJpegIsConvertedToRgb() throws Exception {
        // YCCK stores the C, M, Y ink amounts as if they were R, G, B in YCbCr, and K inverted.
        int[] cyanInk = ycc(255, 0, 0);
        int[] noInk = ycc(0, 0, 0);
        Raster ycck = fourBands(48, 16, (x, y) -> x < 16 ? withK(cyanInk, 255) : x < 32 ? withK(noInk, 0) : withK(noInk, 255));
        BufferedImage decoded = decoder.decode(adobeJpeg(ycck, 2), "ycck.jpg");
        assertRgb(decoded, 48, 16);
        assertNear(CYAN, decoded.getRGB(8, 8), 12, "cyan ink");
        assertNear(BLACK, decoded.getRGB(24, 8), 12, "black ink");
        assertNear(WHITE, decoded.getRGB(40, 8), 12, "no ink");
    }

    @Test
    void sixteenBitGreyPngIsRoundedToEightBits() throws Exception {
        BufferedImage grey16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 1000, 0x8080, 0xFFFF});
        BufferedImage decoded = decoder.decode(encode(grey16, "png"), "grey16.png");
        assertRgb(decoded, 4, 1);
        // 1000 * 255 / 65535 = 3.89; 0x8080 = 128 * 257.
        assertArrayEquals(new int[] {0x000000, 0x040404, 0x808080, 0xFFFFFF}, pixels(decoded));
    }

    @Test
    void sixteenBitRgbAndRgbaPngsAreRoundedAndComposited() throws Exception {
        BufferedImage rgb16 = sixteenBit(false, new int[] {65535, 0, 0x8080, 257 * 10, 257 * 20, 257 * 30});
        assertArrayEquals(new int[] {0xFF0080, 0x0A141E}, pixels(decoder.decode(encode(rgb16, "png"), "rgb16.png")));

        // Opaque red, then black at alpha 0 (white), then red at alpha 0x8080 (half: 255,127,127).
        BufferedImage rgba16 = sixteenBit(true, new int[] {65535, 0, 0, 65535, 0, 0, 0, 0, 65535, 0, 0, 0x8080});
        BufferedImage decoded = decoder.decode(encode(rgba16, "png"), "rgba16.png");
        assertArrayEquals(new int[] {0xFF0000, 0xFFFFFF, 0xFF7F7F}, pixels(decoded));
    }

    @Test
    void alphaPngIsCompositedOntoWhite() throws Exception {
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF102030);
        argb.setRGB(1, 0, 0x00000000);
        argb.setRGB(2, 0, 0x80FF0000);
        argb.setRGB(3, 0, 0x40000000);
        BufferedImage decoded = decoder.decode(encode(argb, "png"), "alpha.png");
        // c * a/255 + 255 * (1 - a/255): (255,0,0)@128 -> (255,127,127); black@64 -> 191.
        assertArrayEquals(new int[] {0x102030, 0xFFFFFF, 0xFF7F7F, 0xBFBFBF}, pixels(decoded));
    }

    @Test
    void greyWithAlphaPngIsCompositedOntoWhite() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 1);
        raster.setPixels(0, 0, 3, 1, new int[] {90, 255, 0, 0, 0, 128});
        BufferedImage greyAlpha = new BufferedImage(model, raster, false, null);
        BufferedImage decoded = decoder.decode(encode(greyAlpha, "png"), "grey-alpha.png");
        assertArrayEquals(new int[] {0x5A5A5A, 0xFFFFFF, 0x7F7F7F}, pixels(decoded));
    }

    @Test
    void palettePngUsesItsPaletteAndTurnsTheTransparentEntryWhite() throws Exception {
        BufferedImage indexed = paletteImage();
        BufferedImage decoded = decoder.decode(encode(indexed, "png"), "palette.png");
        assertArrayEquals(new int[] {0x112233, 0xC0FFEE, WHITE}, pixels(decoded));
    }

    @Test
    void gifUsesItsPaletteAndTurnsTheTransparentEntryWhite() throws Exception {
        byte[] gif = encode(paletteImage(), "gif");
        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(new int[] {0x112233, 0xC0FFEE, WHITE}, pixels(decoder.decode(gif, "palette.gif")));
    }

    @Test
    void bmpDecodesExactly() throws Exception {
        BufferedImage image = rgb(5, 3, (x, y) -> x * 50 << 16 | y * 100 << 8 | 7);
        BufferedImage decoded = decoder.decode(encode(image, "bmp"), "pattern.bmp");
        assertArrayEquals(pixels(image), pixels(decoded));
    }

    @Test
    void pngOfIntRgbDecodesExactly() throws Exception {
        BufferedImage image = rgb(7, 5, (x, y) -> x * 36 << 16 | y * 60 << 8 | (x + y) * 20);
        assertArrayEquals(pixels(image), pixels(decoder.decode(encode(image, "png"), "pattern.png")));
    }

    @Test
    void lossyWebpDecodes() throws Exception {
        BufferedImage decoded = decoder.decode(TestImages.resource("lossy.webp"), "lossy.webp");
        assertRgb(decoded, 32, 16);
        assertNear(RED, decoded.getRGB(4, 8), 16, "left half");
        assertNear(BLUE, decoded.getRGB(28, 8), 16, "right half");
    }

    @Test
    void losslessWebpWithAlphaIsCompositedOntoWhite() throws Exception {
        BufferedImage decoded = decoder.decode(TestImages.resource("alpha-lossless.webp"), "alpha.webp");
        assertRgb(decoded, 12, 4);
        // Opaque (0,128,0); (255,0,0) at alpha 128; transparent.
        assertEquals(0x008000, decoded.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(0xFF7F7F, decoded.getRGB(5, 1) & 0xFFFFFF);
        assertEquals(WHITE, decoded.getRGB(10, 1) & 0xFFFFFF);
    }

    @Test
    void anUprightIntRgbImageIsReturnedWithoutACopy() {
        BufferedImage image = rgb(3, 3, (x, y) -> RED);
        assertSame(image, RgbConversion.toIntRgb(image, Orientation.NORMAL));
    }

    // ---- EXIF orientation ---------------------------------------------------------------------

    /** Upright corner colours (top-left, top-right, bottom-left, bottom-right) per EXIF orientation. */
    static Stream<Arguments> orientations() {
        int[][] corners = {
            {RED, GREEN, BLUE, BLACK},
            {GREEN, RED, BLACK, BLUE},
            {BLACK, BLUE, GREEN, RED},
            {BLUE, BLACK, RED, GREEN},
            {RED, BLUE, GREEN, BLACK},
            {BLUE, RED, BLACK, GREEN},
            {BLACK, GREEN, BLUE, RED},
            {GREEN, BLACK, RED, BLUE},
        };
        return Stream.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN).flatMap(order ->
                Stream.iterate(1, o -> o <= 8, o -> o + 1).map(o -> Arguments.of(o, order, corners[o - 1])));
    }

    @ParameterizedTest(name = "orientation {0}, {1}")
    @MethodSource("orientations")
    void exifOrientationIsApplied(int orientation, ByteOrder order, int[] expectedCorners) throws Exception {
        // Stored 64x32: red, green, blue and black 16x16 corner blocks on white.
        BufferedImage stored = rgb(64, 32, (x, y) -> x < 16 ? (y < 16 ? RED : BLUE) : x >= 48 ? (y < 16 ? GREEN : BLACK) : WHITE);
        byte[] file = TestImages.spliceAfterSoi(jpeg(stored, 0.95f, false), TestImages.exifSegment(orientation, order));

        BufferedImage upright = decoder.decode(file, "rotated.jpg");

        boolean quarterTurn = orientation >= 5;
        assertRgb(upright, quarterTurn ? 32 : 64, quarterTurn ? 64 : 32);
        int right = upright.getWidth() - 5;
        int bottom = upright.getHeight() - 5;
        assertNear(expectedCorners[0], upright.getRGB(4, 4), 24, "top-left");
        assertNear(expectedCorners[1], upright.getRGB(right, 4), 24, "top-right");
        assertNear(expectedCorners[2], upright.getRGB(4, bottom), 24, "bottom-left");
        assertNear(expectedCorners[3], upright.getRGB(right, bottom), 24, "bottom-right");
    }

    @Test
    void anOrientationValueOutsideOneToEightIsIgnored() throws Exception {
        BufferedImage stored = rgb(32, 16, (x, y) -> x < 8 ? RED : WHITE);
        byte[] file = TestImages.spliceAfterSoi(jpeg(stored, 0.95f, false), TestImages.exifSegment(9, ByteOrder.BIG_ENDIAN));
        BufferedImage decoded = decoder.decode(file, "odd.jpg");
        assertRgb(decoded, 32, 16);
        assertNear(RED, decoded.getRGB(2, 8), 24, "left edge");
    }

    // ---- size limits ----------------------------------------------------------------------------

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("bomb.png", TestImages.pngHeaderOnly(100_000, 100_000), "100000x100000"),
                Arguments.of("bomb.jpg", jpegDeclaring(65_535, 65_535), "65535x65535"),
                Arguments.of("bomb.gif", gifDeclaring(65_535, 65_535), "65535x65535"),
                Arguments.of("bomb.bmp", bmpDeclaring(20_000, 20_000), "20000x20000"),
                Arguments.of("bomb.webp", webpDeclaring(16_383, 16_383), "16383x16383"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aHeaderDeclaringTooManyPixelsIsRefusedBeforeDecoding(String name, byte[] file, String dimensions) {
        assertTrue(file.length < 10_000, "the bomb itself is tiny");
        ImageDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ImageDecodeException.class, () -> decoder.decode(file, "images/" + name)));
        assertEquals(ProblemKind.IMAGE_TOO_LARGE, e.kind(), e.getMessage());
        assertEquals("images/" + name + " declares " + dimensions + " pixels, over the limit of 40000000",
                e.getMessage());
    }

    @Test
    void theLimitIsInclusive() throws Exception {
        byte[] png = encode(rgb(10, 10, (x, y) -> RED), "png");
        assertRgb(new ImageDecoder(new ImageLimits(100, 1 << 20)).decode(png, "a.png"), 10, 10);
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> new ImageDecoder(new ImageLimits(99, 1 << 20)).decode(png, "a.png"));
        assertEquals(ProblemKind.IMAGE_TOO_LARGE, e.kind());
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big.png"), encode(rgb(64, 64, (x, y) -> x * 4 << 8 | y), "png"));
        long size = Files.size(big);
        ImageDecoder strict = new ImageDecoder(new ImageLimits(40_000_000, size - 1));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> strict.decode(big));
        assertEquals(ProblemKind.IMAGE_TOO_LARGE, e.kind());
        assertEquals(big + " is " + size + " bytes, over the limit of " + (size - 1) + " bytes", e.getMessage());
    }

    // ---- missing, empty and broken files ------------------------------------------------------------

    @Test
    void aMissingFileIsReportedAsMissing(@TempDir Path dir) {
        Path absent = dir.resolve("images/404.jpg");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(absent));
        assertEquals(ProblemKind.IMAGE_MISSING, e.kind());
        assertEquals(absent + " does not exist", e.getMessage());
    }

    @Test
    void aZeroByteFileIsReportedAsEmpty(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("0.jpg"));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(empty));
        assertEquals(ProblemKind.IMAGE_EMPTY, e.kind());
        assertEquals(empty + " is empty (0 bytes)", e.getMessage());
        assertEquals(ProblemKind.IMAGE_EMPTY, assertThrows(ImageDecodeException.class, () -> decoder.decode(new byte[0], "upload")).kind());
    }

    @Test
    void aDirectoryIsUnreadable(@TempDir Path dir) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(dir));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind());
        assertEquals(dir + " is not a regular file", e.getMessage());
    }

    @Test
    void aFileIsDecodedFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("1.jpg"), jpeg(halves(RED, BLUE), 0.95f, false));
        assertRgb(decoder.decode(file), 32, 16);
    }

    @Test
    void aTruncatedJpegIsUnreadableNotGreyFilled() {
        byte[] whole = jpeg(rgb(64, 64, (x, y) -> (x * 4) << 16 | (y * 4) << 8 | 128), 0.9f, false);
        byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated, "images/7.jpg"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind());
        assertEquals("images/7.jpg is a truncated or damaged JPEG (no end-of-image marker follows the image data)",
                e.getMessage());
    }

    @Test
    void anEndOfImageMarkerInsideAnExifThumbnailDoesNotHideTruncation() {
        byte[] fakeThumbnail = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        byte[] whole = TestImages.spliceAfterSoi(jpeg(halves(RED, BLUE), 0.9f, false), TestImages.app1(fakeThumbnail));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 40);
        assertEquals(ProblemKind.IMAGE_UNREADABLE, assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated, "t.jpg")).kind());
    }

    @Test
    void bytesAfterTheEndOfImageMarkerAreTolerated() throws Exception {
        byte[] padded = TestImages.concat(jpeg(halves(RED, BLUE), 0.9f, false), new byte[] {0, 0, 0, 0, 'j', 'u', 'n', 'k'});
        assertRgb(decoder.decode(padded, "padded.jpg"), 32, 16);
    }

    static Stream<Arguments> truncatedFiles() {
        BufferedImage image = rgb(40, 30, (x, y) -> (x * 6) << 16 | (y * 8) << 8 | (x * y) & 0xFF);
        return Stream.of(
                Arguments.of("png", encode(image, "png")),
                Arguments.of("gif", encode(paletteImage(40, 30), "gif")),
                Arguments.of("bmp", encode(image, "bmp")),
                Arguments.of("lossy webp", TestImages.resource("lossy.webp")),
                Arguments.of("lossless webp", TestImages.resource("alpha-lossless.webp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedFiles")
    void aTruncatedFileOfAnyFormatIsUnreadable(String format, byte[] whole) {
        byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated, "cut"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cut "), e.getMessage());
    }

    @Test
    void randomBytesAreUnreadable() {
        byte[] noise = new byte[500];
        new Random(7).nextBytes(noise);
        noise[0] = 0x3F;
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(noise, "noise.jpg"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind());
        assertTrue(e.getMessage().startsWith("noise.jpg is not a JPEG, PNG, GIF, BMP or WebP image (it starts with bytes 3F "), e.getMessage());
    }

    @Test
    void aFormatOutsideTheListIsUnreadableEvenIfImageIoCouldReadIt() {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0};
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(tiff, "scan.tif"));
        assertEquals("scan.tif is not a JPEG, PNG, GIF, BMP or WebP image (it starts with bytes 49 49 2A 00 08 00 00 00 ...)", e.getMessage());
    }

    @Test
    void aDecoderPluginThatThrowsOnDamagedDataGivesUnreadable() {
        // Found by fuzzing: two bit flips make TwelveMonkeys' lossless WebP decoder index out of bounds.
        byte[] damaged = flipBits(TestImages.resource("alpha-lossless.webp"), 21, 6, 41, 3);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(damaged, "bad.webp"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind());
        assertTrue(e.getMessage().startsWith("bad.webp cannot be decoded as WebP (the decoder failed with ArrayIndexOutOfBoundsException"),
                e.getMessage());
    }

    @Test
    void aDecoderThatKeepsReadingPastTheEndIsStopped() {
        // Found by fuzzing: without the stop this 54-byte file took 79 s, one EOFException per bit read.
        byte[] damaged = flipBits(TestImages.resource("alpha-lossless.webp"), 49, 3, 21, 2, 35, 6);
        ImageDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ImageDecodeException.class, () -> decoder.decode(damaged, "loop.webp")));
        assertEquals("loop.webp cannot be decoded as WebP (the decoder kept reading past the end of the 54-byte data)", e.getMessage());
    }

    @Test
    void unprintableBytesQuotedByADecoderAreMasked() {
        byte[] file = TestImages.resource("lossy.webp");
        // Rename the "VP8 " chunk to bytes a message cannot show.
        file[12] = '\n';
        file[13] = (byte) 0xFF;
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(file, "odd.webp"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c <= 0x7E), e.getMessage());
        assertTrue(e.getMessage().contains("'??8 '"), e.getMessage());
    }

    @Test
    void aHeaderWithZeroWidthIsUnreadable() {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(jpegDeclaring(0, 16), "zero.jpg"));
        assertEquals(ProblemKind.IMAGE_UNREADABLE, e.kind(), e.getMessage());
    }

    // ---- thread safety --------------------------------------------------------------------------------------

    @Test
    void concurrentDecodingGivesTheSamePixels() throws Exception {
        List<byte[]> files = List.of(jpeg(halves(RED, BLUE), 0.9f, false), encode(paletteImage(), "png"),
                TestImages.resource("alpha-lossless.webp"), encode(rgb(9, 9, (x, y) -> x << 20 | y << 4), "bmp"));
        List<int[]> expected = files.stream().map(this::decodePixels).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = Stream.iterate(0, i -> i + 1).limit(200)
                    .map(i -> pool.submit(() -> Arrays.equals(expected.get(i % 4), decodePixels(files.get(i % 4))))).toList();
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private int[] decodePixels(byte[] file) {
        try {
            return pixels(decoder.decode(file, "concurrent"));
        } catch (ImageDecodeException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A copy of {@code bytes} with the given (byte index, bit) pairs flipped. */
    private static byte[] flipBits(byte[] bytes, int... byteAndBit) {
        byte[] flipped = bytes.clone();
        for (int i = 0; i < byteAndBit.length; i += 2) {
            flipped[byteAndBit[i]] ^= (byte) (1 << byteAndBit[i + 1]);
        }
        return flipped;
    }

    private static BufferedImage halves(int left, int right) {
        return rgb(32, 16, (x, y) -> x < 16 ? left : right);
    }

    /** Three pixels from a palette whose third entry is fully transparent. */
    private static BufferedImage paletteImage() {
        BufferedImage image = paletteImage(3, 1);
        image.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 1, 2});
        return image;
    }

    private static BufferedImage paletteImage(int width, int height) {
        byte[] r = {0x11, (byte) 0xC0, 0, 0x7F};
        byte[] g = {0x22, (byte) 0xFF, 0, 0x7F};
        byte[] b = {0x33, (byte) 0xEE, 0, 0x7F};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, 2);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return image;
    }

    private static BufferedImage sixteenBit(boolean alpha, int[] samples) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        int bands = alpha ? 4 : 3;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, samples.length / bands, 1, bands, new Point());
        raster.setPixels(0, 0, samples.length / bands, 1, samples);
        return new BufferedImage(model, raster, false, null);
    }

    /** The JFIF YCbCr of an RGB colour, rounded, as a JPEG encoder computes it. */
    private static int[] ycc(int r, int g, int b) {
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        return new int[] {clamp(y), clamp(128 + (b - y) / 1.772), clamp(128 + (r - y) / 1.402)};
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int[] withK(int[] ycc, int k) {
        return new int[] {ycc[0], ycc[1], ycc[2], k};
    }

    /** A small real JPEG whose SOF0 header has been changed to declare {@code width x height}. */
    private static byte[] jpegDeclaring(int width, int height) {
        byte[] file = jpeg(rgb(16, 16, (x, y) -> RED), 0.9f, false);
        int sof = TestImages.indexOfMarker(file, 0xC0);
        ByteBuffer.wrap(file, sof + 5, 4).putShort((short) height).putShort((short) width);
        return file;
    }

    /** A small real GIF whose screen and first image descriptor declare {@code width x height}. */
    private static byte[] gifDeclaring(int width, int height) {
        byte[] file = encode(paletteImage(8, 8), "gif");
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(6, (short) width).putShort(8, (short) height);
        int at = 13 + ((file[10] & 0x80) != 0 ? 3 << ((file[10] & 7) + 1) : 0);
        while (file[at] == 0x21) {
            at += 2;
            while (file[at] != 0) {
                at += (file[at] & 0xFF) + 1;
            }
            at++;
        }
        assertEquals(0x2C, file[at], "image descriptor expected");
        buffer.putShort(at + 5, (short) width).putShort(at + 7, (short) height);
        return file;
    }

    /**
     * A run-length-encoded BMP declaring {@code width x height} 8-bit pixels whose data is just the
     * end-of-bitmap code. (An uncompressed BMP cannot be a bomb: the JDK reader checks that its
     * pixel data is as long as the size says.)
     */
    private static byte[] bmpDeclaring(int width, int height) {
        int pixelOffset = 14 + 40 + 2 * 4;
        byte[] endOfBitmap = {0, 1};
        ByteBuffer bmp = ByteBuffer.allocate(pixelOffset + endOfBitmap.length).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(pixelOffset);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(1 /* BI_RLE8 */)
                .putInt(endOfBitmap.length).putInt(2835).putInt(2835).putInt(2).putInt(0);
        bmp.putInt(0x000000).putInt(0xFFFFFF);
        bmp.put(endOfBitmap);
        return bmp.array();
    }

    /** The lossy WebP fixture with its VP8 frame header changed to declare {@code width x height}. */
    private static byte[] webpDeclaring(int width, int height) {
        byte[] file = TestImages.resource("lossy.webp");
        // RIFF header (12) + "VP8 " chunk header (8) + frame tag (3) + start code (3).
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(26, (short) width).putShort(28, (short) height);
        return file;
    }

    static void assertRgb(BufferedImage image, int width, int height) {
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType(), "image type");
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
    }

    private static void assertNear(int expected, int actual, int tolerance, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xFF;
            int a = actual >> shift & 0xFF;
            if (Math.abs(e - a) > tolerance) {
                throw new AssertionError(String.format("%s: expected about #%06X, got #%06X", where, expected & 0xFFFFFF, actual & 0xFFFFFF));
            }
        }
    }
}
