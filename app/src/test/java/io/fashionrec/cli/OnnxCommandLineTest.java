package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** embed, index and search with a CNN given as a .onnx file (tiny test models from the onnx module). */
@ExtendWith(TemporaryModelCache.class)
class OnnxCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path model(String name, Path target) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/encoder/" + name + ".onnx")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    void embedPrintsRawPooledVectorsByFileStem() throws Exception {
        Path model = model("tiny-pooled", tmp.resolve("tiny.onnx"));
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        CliRun embed = run("embed", "--image-model", model.toString(), catalog.resolve("images/1.png").toString(),
                catalog.resolve("images/6.png").toString(), "--json");
        assertEquals(0, embed.exit(), embed.err());
        JsonNode doc = JSON.readTree(embed.out());
        assertEquals("tiny", doc.get("model").asText());
        assertEquals(8, doc.get("dimension").asInt());
        assertEquals(2, doc.get("embeddings").size());
        double norm = 0;
        for (JsonNode v : doc.get("embeddings").get("1")) {
            norm += v.asDouble() * v.asDouble();
        }
        assertEquals(8, doc.get("embeddings").get("6").size());
        assertTrue(Math.abs(Math.sqrt(norm) - 1) > 1e-3, "raw vectors, not normalised: norm " + Math.sqrt(norm));
    }

    @Test
    void indexWithAModelFileUsesTheCacheAndPhotoQueriesNeedTheSameModel() throws Exception {
        Path model = model("tiny-pooled", tmp.resolve("model.onnx"));
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        Path index = tmp.resolve("index");
        CliRun first = run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--image-model", model.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("10 photos (10 embedded, 0 reused)"), first.out());
        CliRun second = run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--image-model", model.toString(),
                "--json");
        JsonNode summary = JSON.readTree(second.out());
        assertEquals(0, summary.get("imagesEmbedded").asInt());
        assertEquals(10, summary.get("imagesReused").asInt());

        CliRun search = run("search", "--index", index.toString(), "--image", catalog.resolve("images/7.png").toString(), "-k", "1",
                "--json");
        assertEquals(0, search.exit(), search.err());
        assertEquals("7", JSON.readTree(search.out()).get("results").get(0).get("id").asText());

        model("tiny-map", model);
        CliRun swapped = run("search", "--index", index.toString(), "--image", catalog.resolve("images/7.png").toString());
        assertEquals(1, swapped.exit());
        assertTrue(swapped.err().startsWith("fashionrec: this index was built with the image model model v1 (8-d, model "), swapped.err());
        assertTrue(swapped.err().contains("rebuild the index, or put back the model it was built with"), swapped.err());
    }

    @Test
    void cnnOptionsAreCheckedAsUsage() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        Path model = model("tiny-pooled", tmp.resolve("model.onnx"));
        String photo = catalog.resolve("images/1.png").toString();
        assertEquals(2, run("embed", "--image-model", "classic", "--preset", "torch", photo).exit(), "classic takes no preset");
        assertEquals(2, run("embed", "--image-model", model.toString(), "--preset", "tensorflow", photo).exit());
        CliRun unknown = run("embed", "--image-model", "nosuchmodel", photo);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("fashionrec: there is no model 'nosuchmodel': use one of densenet121, vgg16, vgg16-int8"),
                unknown.err());
        CliRun mismatched = run("embed", "--image-model", model.toString(), "--preset", "caffe", photo);
        assertEquals(1, mismatched.exit());
        assertTrue(mismatched.err().contains("preset caffe expects NHWC input"), mismatched.err());
    }
}
