package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {

    private static final BufferedImage TALL = rgb(20, 40, (x, y) -> x * 12 << 16 | y * 6 << 8 | 0x33);

    @Test
    void stepsRunInOrder() {
        ImagePipeline padThenResize = ImagePipeline.of(new PadToSquare(Color.WHITE), new Resize(10, 10));
        BufferedImage expected = new Resize(10, 10).apply(new PadToSquare(Color.WHITE).apply(TALL));
        assertArrayEquals(pixels(expected), pixels(padThenResize.apply(TALL)));
        // The other way round the photo is squashed first, so the result differs.
        BufferedImage reversed = ImagePipeline.of(new Resize(10, 10), new PadToSquare(Color.WHITE)).apply(TALL);
        assertEquals(0xFFFFFF, padThenResize.apply(TALL).getRGB(0, 5) & 0xFFFFFF, "padding at the left edge");
        assertEquals(0x33, reversed.getRGB(0, 5) & 0xFF, "photo (blue 0x33 throughout), not padding, when squashed first");
    }

    @Test
    void thenMakesANewPipelineAndLeavesTheOldOneAlone() {
        ImagePipeline crop = ImagePipeline.of(new CenterCrop(10, 10));
        ImagePipeline cropAndFlip = crop.then(new HorizontalFlip());
        assertEquals(1, crop.steps().size());
        assertEquals(2, cropAndFlip.steps().size());
        assertArrayEquals(pixels(new HorizontalFlip().apply(crop.apply(TALL))), pixels(cropAndFlip.apply(TALL)));
        assertThrows(UnsupportedOperationException.class, () -> cropAndFlip.steps().add(new HorizontalFlip()));
    }

    @Test
    void anEmptyPipelineReturnsItsInput() {
        ImagePipeline empty = ImagePipeline.of();
        assertSame(TALL, empty.apply(TALL));
        assertEquals("identity", empty.toString());
        assertEquals(List.of(), empty.steps());
    }

    @Test
    void anyImageTransformCanBeAStep() {
        ImageTransform invert = image -> rgb(image.getWidth(), image.getHeight(), (x, y) -> ~image.getRGB(x, y) & 0xFFFFFF);
        BufferedImage twice = ImagePipeline.of(invert, invert).apply(TALL);
        assertArrayEquals(pixels(TALL), pixels(twice));
    }

    @Test
    void theDescriptionListsTheSteps() {
        ImagePipeline pipeline = ImagePipeline.of(new PadToSquare(Color.WHITE), new Resize(224, 224)).then(new CenterCrop(0.875));
        assertEquals("PadToSquare(#FFFFFF) -> Resize(224x224, Pillow bilinear) -> CenterCrop(0.875)", pipeline.toString());
    }

    @Test
    void inputOfAnotherTypeIsRefusedEvenWithNoSteps() {
        BufferedImage grey = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY);
        assertThrows(IllegalArgumentException.class, () -> ImagePipeline.of().apply(grey));
        assertThrows(NullPointerException.class, () -> ImagePipeline.of(new HorizontalFlip(), null));
    }
}
