package io.fashionrec.image.transform;

import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.image.transform.TensorSpec.ChannelOrder;
import io.fashionrec.image.transform.TensorSpec.Layout;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ToTensorTest {

    private static final float TOLERANCE = 1e-6f;

    /** 2x2: the known pixel (R 255, G 128, B 0) is at x 1, y 0; the others are black. */
    private static final BufferedImage IMAGE = rgb(2, 2, (x, y) -> x == 1 && y == 0 ? 0xFF8000 : 0);

    @Test
    void torchNchwPutsEachChannelInItsOwnPlane() {
        float[] tensor = new ToTensor(TensorSpec.torch(Layout.NCHW)).apply(IMAGE);
        assertEquals(12, tensor.length);
        // Pixel index 1 in each plane of 4.
        assertEquals((1.0 - 0.485) / 0.229, tensor[1], TOLERANCE);
        assertEquals((128 / 255.0 - 0.456) / 0.224, tensor[4 + 1], TOLERANCE);
        assertEquals((0 - 0.406) / 0.225, tensor[8 + 1], TOLERANCE);
        assertEquals((0 - 0.485) / 0.229, tensor[0], TOLERANCE);
    }

    @Test
    void torchNhwcKeepsAPixelsChannelsTogether() {
        float[] tensor = new ToTensor(TensorSpec.torch(Layout.NHWC)).apply(IMAGE);
        assertEquals((1.0 - 0.485) / 0.229, tensor[3], TOLERANCE);
        assertEquals((128 / 255.0 - 0.456) / 0.224, tensor[4], TOLERANCE);
        assertEquals((0 - 0.406) / 0.225, tensor[5], TOLERANCE);
    }

    @Test
    void caffeIsBgrWithTheMeanPixelSubtracted() {
        float[] nchw = new ToTensor(TensorSpec.caffe(Layout.NCHW)).apply(IMAGE);
        assertEquals(0 - 103.939, nchw[1], 1e-4);
        assertEquals(128 - 116.779, nchw[4 + 1], 1e-4);
        assertEquals(255 - 123.68, nchw[8 + 1], 1e-4);
        float[] nhwc = new ToTensor(TensorSpec.caffe(Layout.NHWC)).apply(IMAGE);
        assertArrayEquals(new float[] {(float) (0 - 103.939), (float) (128 - 116.779), (float) (255 - 123.68)},
                Arrays.copyOfRange(nhwc, 3, 6), 1e-4f);
        assertEquals(-103.939, nhwc[0], 1e-4);
        assertEquals(-123.68, nhwc[2], 1e-4);
    }

    @Test
    void aBatchIsFilledInPlaceAtOffsets() {
        ToTensor toTensor = new ToTensor(TensorSpec.torch(Layout.NCHW));
        BufferedImage other = rgb(2, 2, (x, y) -> 0xFFFFFF);
        float[] batch = new float[2 + 24 + 2];
        Arrays.fill(batch, Float.NaN);
        int next = toTensor.write(IMAGE, batch, 2);
        assertEquals(14, next);
        assertEquals(26, toTensor.write(other, batch, next));
        assertArrayEquals(toTensor.apply(IMAGE), Arrays.copyOfRange(batch, 2, 14));
        assertArrayEquals(toTensor.apply(other), Arrays.copyOfRange(batch, 14, 26));
        assertTrue(Float.isNaN(batch[1]) && Float.isNaN(batch[26]), "nothing written outside the images' ranges");
    }

    @Test
    void aTargetTooSmallIsRefused() {
        ToTensor toTensor = new ToTensor(TensorSpec.torch(Layout.NCHW));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toTensor.write(IMAGE, new float[13], 2));
        assertEquals("a 2x2 image needs 12 floats from offset 2, but the array holds 13", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> toTensor.write(IMAGE, new float[12], -1));
    }

    @Test
    void aSubImageIsReadFromItsOwnCorner() {
        BufferedImage parent = rgb(5, 5, (x, y) -> x == 3 && y == 1 ? 0xFF8000 : 0);
        ToTensor toTensor = new ToTensor(TensorSpec.torch(Layout.NCHW));
        assertArrayEquals(toTensor.apply(IMAGE), toTensor.apply(parent.getSubimage(2, 1, 2, 2)));
    }

    @Test
    void specsValidateAndCompareByValue() {
        assertEquals(TensorSpec.torch(Layout.NCHW), TensorSpec.torch(Layout.NCHW));
        assertEquals(TensorSpec.torch(Layout.NCHW).hashCode(), TensorSpec.torch(Layout.NCHW).hashCode());
        assertNotEquals(TensorSpec.torch(Layout.NCHW), TensorSpec.torch(Layout.NHWC));
        assertEquals("scale 1.0, mean [103.939, 116.779, 123.68], std [1.0, 1.0, 1.0], BGR, NHWC", TensorSpec.caffe(Layout.NHWC).toString());
        double[] mean = {1, 2, 3};
        TensorSpec spec = new TensorSpec(1, mean, new double[] {1, 1, 1}, ChannelOrder.RGB, Layout.NCHW);
        mean[0] = 99;
        spec.mean()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, spec.mean(), "the spec is immutable");
        assertThrows(IllegalArgumentException.class, () -> new TensorSpec(1, new double[2], new double[] {1, 1, 1}, ChannelOrder.RGB, Layout.NCHW));
        assertThrows(IllegalArgumentException.class, () -> new TensorSpec(1, new double[3], new double[] {1, 0, 1}, ChannelOrder.RGB, Layout.NCHW));
        assertThrows(IllegalArgumentException.class, () -> new TensorSpec(0, new double[3], new double[] {1, 1, 1}, ChannelOrder.RGB, Layout.NCHW));
    }
}
