package io.fashionrec.onnx;

import io.fashionrec.image.transform.TensorSpec;
import io.fashionrec.image.transform.TensorSpec.Layout;
import java.util.Arrays;
import java.util.Locale;
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

    /** The preset called {@code id}, or an exception listing the choices. */
    public static Preset fromId(String id) {
        for (Preset p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; choose one of "
                + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", ")));
    }
}
