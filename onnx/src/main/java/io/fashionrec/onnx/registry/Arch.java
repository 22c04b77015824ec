package io.fashionrec.onnx.registry;

/**
 * The CNN architectures fashionrec can turn into image encoders. The id ({@link #id()}) is what
 * users type and what {@link ModelPreparer#prepare} receives.
 */
public enum Arch {

    /** DenseNet-121: 1024 channels in its last feature map. */
    DENSENET121,

    /** VGG-16: 512 channels in its last feature map. */
    VGG16;

    /** The lowercase id, e.g. {@code densenet121}. */
    public String id() {
        return Choices.id(this);
    }

    /**
     * The architecture called {@code text}, case-insensitively.
     *
     * @throws ModelRegistryException naming {@code text} and listing the choices
     */
    public static Arch parse(String text) {
        return Choices.parse(values(), "architecture", text);
    }

    /** The ids of all architectures, comma-separated, for messages. */
    public static String choices() {
        return Choices.list(values());
    }

    @Override
    public String toString() {
        return id();
    }
}
