package io.fashionrec.onnx;

import io.fashionrec.image.transform.TensorSpec;
import io.fashionrec.image.transform.TensorSpec.Layout;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a model expects its input tensor, named after where such models come from. The preset is
 * part of the encoder's descriptor: the same model file with another preset gives other vectors.
 */
public enum Preset {

    /** pixels/255, ImageNet mean and std, RGB, NCHW: the ONNX Model Zoo and torchvision models. */
    TORCH("torch", TensorSpec.torch(Layout.NCHW)),
    /** BGR, subtract 103.939/116.779/123.68, no scaling, NHWC: Keras VGG16's preprocess_input. */
    CAFFE("caffe", TensorSpec.caffe(Layout.NHWC)),
    /** pixels/255, ImageNet mean and std, RGB, NHWC: Keras DenseNet121's preprocess_input. */
    KERAS_TORCH("keras-torch", TensorSpec.torch(Layout.NHWC));

    /** The preset a model gets when none is given. */
    public static final Preset DEFAULT = TORCH;

    private final String id;
    private final TensorSpec spec;

    Preset(String id, TensorSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    public String id() {
        return id;
    }

    public TensorSpec spec() {
        return spec;
    }

    /**
     * The preset called {@code text}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming {@code text} and listing the choices
     */
    public static Preset parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (Preset p : values()) {
            if (p.id.equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': choose one of " + choices());
    }

    /** The ids of all presets, comma-separated, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
