package io.fashionrec.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference CNN models and PyTorch's embeddings written by
 * {@code ../shared/tools/reference_cnn.py OUT_DIR} (random but deterministic weights): for each
 * architecture, {@code <arch>-full.onnx}, {@code <arch>-gmp.onnx} and {@code <arch>-reference.json}.
 * The directory comes from {@code -Dfashionrec.referenceCnn}; {@code test.sh} generates it and
 * passes it, so these tests run in CI. Without it they are skipped, saying so.
 */
public final class ReferenceCnn {

    static final String[] ARCHS = {"densenet121", "vgg16"};

    private ReferenceCnn() {
    }

    /** The directory, or the test is skipped saying how to make it. */
    public static Path directory() {
        String dir = System.getProperty("fashionrec.referenceCnn", "");
        Assumptions.assumeFalse(dir.isBlank(), "no reference CNN models: run ./test.sh, or pass -Dfashionrec.referenceCnn=DIR "
                + "with the output of ../shared/tools/reference_cnn.py");
        Path path = Path.of(dir);
        Assumptions.assumeTrue(Files.isRegularFile(path.resolve("densenet121-reference.json")),
                "no reference CNN models in " + path + ": run ../shared/tools/reference_cnn.py " + path);
        return path;
    }

    /** One file of the directory, or the test is skipped saying how to make it. */
    public static Path file(String name) {
        Path file = directory().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "no reference CNN model " + file + "; run ../shared/tools/reference_cnn.py "
                + file.getParent());
        return file;
    }

    /** PyTorch's embeddings of one architecture, by product id, in the file's order. */
    static Map<String, float[]> embeddings(Path dir, String arch) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve(arch + "-reference.json").toFile());
        Map<String, float[]> out = new LinkedHashMap<>();
        root.get("embeddings").fields().forEachRemaining(e -> {
            float[] v = new float[e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) e.getValue().get(i).asDouble();
            }
            out.put(e.getKey(), v);
        });
        return out;
    }
}
