package io.fashionrec.image.transform;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a model wants its input tensor: each 8-bit value {@code v} of output channel {@code c}
 * becomes {@code (v * scale - mean[c]) / std[c]}, channels in {@link #channelOrder}, laid out as
 * {@link #layout}. {@code mean} and {@code std} are indexed by <em>output</em> channel: for BGR
 * the first entry belongs to blue.
 *
 * <p>Immutable; the arrays are copied in and out.
 *
 * @param scale        multiplies the 0..255 value first (1/255 to work in [0, 1])
 * @param mean         three per-channel values subtracted after scaling
 * @param std          three per-channel divisors, non-zero
 * @param channelOrder RGB or BGR
 * @param layout       NCHW (channels first) or NHWC (channels last)
 */
public record TensorSpec(double scale, double[] mean, double[] std, ChannelOrder channelOrder, Layout layout) {

    /** The order of the three colour channels in the tensor. */
    public enum ChannelOrder { RGB, BGR }

    /** Channels first (PyTorch, most ONNX exports) or channels last (Keras/TensorFlow). */
    public enum Layout { NCHW, NHWC }

    private static final double[] IMAGENET_MEAN_RGB = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD_RGB = {0.229, 0.224, 0.225};
    private static final double[] CAFFE_MEAN_BGR = {103.939, 116.779, 123.68};

    public TensorSpec {
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(layout, "layout");
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale must be finite and non-zero, got " + scale);
        }
        mean = threeFinite(mean, "mean");
        std = threeFinite(std, "std");
        for (double s : std) {
            if (s == 0) {
                throw new IllegalArgumentException("std must not contain 0, got " + Arrays.toString(std));
            }
        }
    }

    /**
     * PyTorch / torchvision ImageNet models (and Keras "torch" mode, e.g. DenseNet): values / 255,
     * minus mean [0.485, 0.456, 0.406], divided by std [0.229, 0.224, 0.225], RGB.
     */
    public static TensorSpec torch(Layout layout) {
        return new TensorSpec(1.0 / 255, IMAGENET_MEAN_RGB, IMAGENET_STD_RGB, ChannelOrder.RGB, layout);
    }

    /**
     * Caffe-trained models (Keras "caffe" mode, e.g. VGG16): BGR, no scaling, minus the ImageNet
     * mean pixel [103.939, 116.779, 123.68] in BGR order, no division.
     */
    public static TensorSpec caffe(Layout layout) {
        return new TensorSpec(1.0, CAFFE_MEAN_BGR, new double[] {1, 1, 1}, ChannelOrder.BGR, layout);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec that && Double.compare(scale, that.scale) == 0 && Arrays.equals(mean, that.mean)
                && Arrays.equals(std, that.std) && channelOrder == that.channelOrder && layout == that.layout;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, Arrays.hashCode(mean), Arrays.hashCode(std), channelOrder, layout);
    }

    /** e.g. {@code scale 0.00392156862745098, mean [0.485, 0.456, 0.406], std [0.229, 0.224, 0.225], RGB, NCHW}. */
    @Override
    public String toString() {
        return "scale " + scale + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", " + channelOrder + ", " + layout;
    }

    private static double[] threeFinite(double[] values, String name) {
        Objects.requireNonNull(values, name);
        if (values.length != 3 || !Arrays.stream(values).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException(name + " must hold three finite numbers, got " + Arrays.toString(values));
        }
        return values.clone();
    }
}
