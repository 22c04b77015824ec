package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTimeAugmentationTest {

    private static final BufferedImage PHOTO = rgb(32, 24, (x, y) -> (x * 8) << 16 | (y * 10) << 8 | (x + y) * 4);

    @Test
    void theViewsAreIdentityFlipCropAndJitterAllOfTheInputSize() {
        List<BufferedImage> views = new TestTimeAugmentation(11).views(PHOTO, 5);
        assertEquals(5, views.size());
        assertSame(PHOTO, views.get(0));
        assertArrayEquals(pixels(new HorizontalFlip().apply(PHOTO)), pixels(views.get(1)));
        BufferedImage cropped = new Resize(32, 24).apply(new CenterCrop(0.875).apply(PHOTO));
        assertArrayEquals(pixels(cropped), pixels(views.get(2)));
        for (BufferedImage view : views) {
            assertEquals(BufferedImage.TYPE_INT_RGB, view.getType());
            assertEquals(32, view.getWidth());
            assertEquals(24, view.getHeight());
        }
        assertFalse(Arrays.equals(pixels(PHOTO), pixels(views.get(3))), "the jittered view differs from the input");
        assertFalse(Arrays.equals(pixels(views.get(3)), pixels(views.get(4))), "each jittered view has its own factors");
    }

    @Test
    void theSameSeedGivesTheSameViewsAndAnotherSeedOtherJitter() {
        List<BufferedImage> first = new TestTimeAugmentation(5).views(PHOTO, 4);
        List<BufferedImage> again = new TestTimeAugmentation(5).views(PHOTO, 4);
        List<BufferedImage> other = new TestTimeAugmentation(6).views(PHOTO, 4);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(pixels(first.get(i)), pixels(again.get(i)), "view " + i);
        }
        assertArrayEquals(pixels(first.get(2)), pixels(other.get(2)), "the crop does not depend on the seed");
        assertFalse(Arrays.equals(pixels(first.get(3)), pixels(other.get(3))));
    }

    @Test
    void fewerViewsAreAPrefixAndAtLeastOneIsNeeded() {
        assertEquals(List.of(PHOTO), new TestTimeAugmentation(1).views(PHOTO, 1));
        assertEquals(2, new TestTimeAugmentation(1).views(PHOTO, 2).size());
        assertThrows(IllegalArgumentException.class, () -> new TestTimeAugmentation(1).views(PHOTO, 0));
    }
}
