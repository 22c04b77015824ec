package io.fashionrec.image.transform;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Turns a {@code TYPE_INT_RGB} image into the float tensor a model takes, following a
 * {@link TensorSpec}. One image of {@code W x H} fills {@code 3 * W * H} floats: in NCHW the
 * three channel planes one after the other, in NHWC the three channels of each pixel together.
 * Images written one after another at offsets {@code i * 3 * W * H} form an N-image batch in
 * either layout, so {@link #write} fills a batch without copies.
 *
 * <p>Every value is computed in double precision and rounded to float once (through a 256-entry
 * table per channel). Immutable and thread-safe.
 */
public final class ToTensor {

    private static final int CHANNELS = 3;

    private final TensorSpec spec;
    /** Bit position, in a packed RGB int, of each output channel. */
    private final int[] shifts;
    /** The tensor value of each 8-bit level, per output channel. */
    private final float[][] values;

    public ToTensor(TensorSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.shifts = spec.channelOrder() == TensorSpec.ChannelOrder.RGB ? new int[] {16, 8, 0} : new int[] {0, 8, 16};
        double[] mean = spec.mean();
        double[] std = spec.std();
        this.values = new float[CHANNELS][256];
        for (int c = 0; c < CHANNELS; c++) {
            for (int level = 0; level < 256; level++) {
                values[c][level] = (float) ((level * spec.scale() - mean[c]) / std[c]);
            }
        }
    }

    public TensorSpec spec() {
        return spec;
    }

    /** How many floats {@code image} takes: {@code 3 * width * height}. */
    public static int length(BufferedImage image) {
        return CHANNELS * image.getWidth() * image.getHeight();
    }

    /** The tensor of one image, in a new array of {@link #length} floats. */
    public float[] apply(BufferedImage image) {
        float[] tensor = new float[length(image)];
        write(image, tensor, 0);
        return tensor;
    }

    /**
     * Writes the tensor of {@code image} into {@code target} from {@code offset}.
     *
     * @return the offset just past what was written, where the next image of a batch goes
     * @throws IllegalArgumentException if the image is not {@code TYPE_INT_RGB} or does not fit
     */
    public int write(BufferedImage image, float[] target, int offset) {
        RgbPixels pixels = RgbPixels.of(image);
        int width = pixels.width();
        int height = pixels.height();
        int plane = width * height;
        int length = CHANNELS * plane;
        if (offset < 0 || offset > target.length - length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + length + " floats from offset " + offset
                    + ", but the array holds " + target.length);
        }
        float[] first = values[0];
        float[] second = values[1];
        float[] third = values[2];
        boolean channelsFirst = spec.layout() == TensorSpec.Layout.NCHW;
        for (int y = 0; y < height; y++) {
            int from = pixels.index(0, y);
            for (int x = 0; x < width; x++) {
                int pixel = pixels.data()[from + x];
                int at = y * width + x;
                float a = first[pixel >> shifts[0] & 0xFF];
                float b = second[pixel >> shifts[1] & 0xFF];
                float c = third[pixel >> shifts[2] & 0xFF];
                if (channelsFirst) {
                    target[offset + at] = a;
                    target[offset + plane + at] = b;
                    target[offset + 2 * plane + at] = c;
                } else {
                    int base = offset + CHANNELS * at;
                    target[base] = a;
                    target[base + 1] = b;
                    target[base + 2] = c;
                }
            }
        }
        return offset + length;
    }

    @Override
    public String toString() {
        return "ToTensor(" + spec + ")";
    }
}
