package io.fashionrec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Mixin: which image encoder to use, and how to feed a CNN. */
@Command
final class ImageModelOptions {

    @Option(names = "--image-model", paramLabel = "MODEL", defaultValue = ImageModels.CLASSIC,
            description = "classic (default: shape + colour, offline), a registered model (densenet121, vgg16: see 'fashionrec models'), "
                    + "or a .onnx file.")
    String model;

    @Option(names = "--preset", paramLabel = "P",
            description = "How a CNN wants its input: torch (default: /255, ImageNet mean/std, RGB, NCHW), caffe (Keras VGG16), keras-torch (Keras DenseNet121).")
    String preset;

    @Option(names = "--image-size", paramLabel = "S",
            description = "Input side for a CNN with dynamic height and width (default: the model's, else 224); smaller is faster.")
    Integer imageSize;

    /** The options as the string map an index records to open the same encoder again. */
    Map<String, String> spec() {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put(ImageModels.MODEL, model);
        if (preset != null) {
            spec.put(ImageModels.PRESET, preset);
        }
        if (imageSize != null) {
            spec.put(ImageModels.IMAGE_SIZE, imageSize.toString());
        }
        return spec;
    }
}
