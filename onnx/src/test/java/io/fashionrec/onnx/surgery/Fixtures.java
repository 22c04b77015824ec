package io.fashionrec.onnx.surgery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small ONNX models under {@code src/test/resources/io/fashionrec/onnx/surgery/}, made by
 * {@code make_fixtures.py} there (see its README.md).
 */
public final class Fixtures {

    /** torchvision-style: Conv, BatchNormalization, Relu, GlobalAveragePool, Flatten, Gemm, Softmax. */
    public static final String CLASSIFIER = "tiny-classifier.onnx";
    /** Model Zoo style, IR 3: Relu, AveragePool, 1x1 Conv, Reshape (Constant shape), Softmax. */
    public static final String ZOO_CLASSIFIER = "zoo-classifier.onnx";
    /** Conv, BatchNormalization, Relu, ReduceMax(axes 2, 3). */
    public static final String POOLED = "tiny-pooled.onnx";
    /** The same with the opset 18 ReduceMax, axes from a Constant. */
    public static final String POOLED_OPSET_18 = "pooled-opset18.onnx";
    /** Conv, BatchNormalization, Relu: a 4-D output. */
    public static final String FEATURES = "tiny-features.onnx";
    /** GlobalAveragePool, Flatten, Gemm straight on the graph input. */
    public static final String HEAD_ONLY = "head-only.onnx";

    private Fixtures() {
    }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test fixture " + name + " is missing from the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + " is not a file", e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
