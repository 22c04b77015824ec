package io.fashionrec.onnx.registry;

/**
 * How a model wants its input normalised: the name of a preprocessing preset, stored with each
 * registered model. The image encoder maps a preset to its tensor layout and normalisation; the
 * registry only records and validates the name.
 */
public enum Preset {

    /** PyTorch/torchvision ImageNet normalisation (RGB, /255, ImageNet mean and std), channels first. */
    TORCH,

    /** Caffe-style input (BGR, the ImageNet mean pixel subtracted, no scaling), as Keras VGG16 expects. */
    CAFFE,

    /** The torch normalisation, channels last, as Keras DenseNet exports expect. */
    KERAS_TORCH;

    /** The preset a model gets when none is given. */
    public static final Preset DEFAULT = TORCH;

    /** The lowercase id, e.g. {@code keras-torch}. */
    public String id() {
        return Choices.id(this);
    }

    /**
     * The preset called {@code text}, case-insensitively.
     *
     * @throws ModelRegistryException naming {@code text} and listing the choices
     */
    public static Preset parse(String text) {
        return Choices.parse(values(), "preset", text);
    }

    /** The ids of all presets, comma-separated, for messages. */
    public static String choices() {
        return Choices.list(values());
    }

    @Override
    public String toString() {
        return id();
    }
}
