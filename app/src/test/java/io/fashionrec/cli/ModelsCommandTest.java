package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fashionrec.testing.TinyCatalog;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models list | pull | import} and {@code --image-model NAME}, on a model cache in a
 * temporary directory and the small classifier the
 * surgery tests use. The download path itself, with a local server, is tested in the onnx module.
 */
@ExtendWith(TemporaryModelCache.class)
class ModelsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path classifier() throws Exception {
        Path file = tmp.resolve("Shop-Classifier.onnx");
        try (InputStream in = getClass().getResourceAsStream("/io/fashionrec/onnx/surgery/tiny-classifier.onnx")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    void anEmptyCacheListsTheKnownModelsAsAvailable() throws Exception {
        CliRun list = run("models", "list", "--json");
        assertEquals(0, list.exit(), list.err());
        List<String> available = new ArrayList<>();
        for (JsonNode m : JSON.readTree(list.out()).get("models")) {
            assertEquals("available", m.get("status").asText(), m.toString());
            available.add(m.get("name").asText());
        }
        assertEquals(List.of("densenet121", "vgg16", "vgg16-int8"), available);
        CliRun table = run("models", "list");
        assertTrue(table.out().contains("fashionrec models pull densenet121"), table.out());
    }

    @Test
    void anImportedClassifierIsCutAndThenUsableByName() throws Exception {
        CliRun imported = run("models", "import", classifier().toString(), "--arch", "densenet121");
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().startsWith("shop-classifier registered (densenet121, preset torch, "), imported.out());
        assertTrue(imported.out().contains("cut at /Relu_output_0 (4 channels)"), imported.out());

        JsonNode listed = JSON.readTree(run("models", "list", "--json").out()).get("models").get(1);
        assertEquals("shop-classifier", listed.get("name").asText());
        assertEquals("ready", listed.get("status").asText());

        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        CliRun embed = run("embed", "--image-model", "shop-classifier", catalog.resolve("images/2.png").toString(), "--json");
        assertEquals(0, embed.exit(), embed.err());
        JsonNode doc = JSON.readTree(embed.out());
        assertEquals("shop-classifier", doc.get("model").asText());
        assertEquals(4, doc.get("dimension").asInt(), "the pooled feature map, not the classifier's scores");

        Path index = tmp.resolve("index");
        CliRun built = run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--image-model", "shop-classifier");
        assertEquals(0, built.exit(), built.err());
        CliRun search = run("search", "--index", index.toString(), "--image", catalog.resolve("images/5.png").toString(), "-k", "1",
                "--json");
        assertEquals(0, search.exit(), search.err());
        assertEquals("5", JSON.readTree(search.out()).get("results").get(0).get("id").asText());
    }

    @Test
    void aClassifierGivenByPathIsPreparedOnceIntoTheCache() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        String photo = catalog.resolve("images/3.png").toString();
        CliRun first = run("embed", "--image-model", classifier().toString(), photo, "--json");
        assertEquals(0, first.exit(), first.err());
        assertEquals(4, JSON.readTree(first.out()).get("dimension").asInt());
        assertEquals(1, preparedCopies());
        CliRun second = run("embed", "--image-model", classifier().toString(), photo, "--json");
        assertEquals(first.out(), second.out());
        assertEquals(1, preparedCopies());
    }

    private long preparedCopies() throws Exception {
        try (Stream<Path> files = Files.list(TemporaryModelCache.directory().resolve(".prepared"))) {
            return files.filter(f -> f.toString().endsWith(".onnx")).count();
        }
    }

    @Test
    void aPullThatFindsNothingSaysWhereItLookedAndStoresNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> asked = new ArrayList<>();
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            System.setProperty(Registries.BASE_URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort() + "/zoo");
            CliRun pull = run("models", "pull", "densenet121");
            assertEquals(1, pull.exit());
            assertTrue(pull.err().startsWith("fashionrec: "), pull.err());
            assertTrue(pull.err().contains("404"), pull.err());
            assertEquals(List.of("/zoo/validated/vision/classification/densenet-121/model/densenet-12.onnx"), asked);
            assertFalse(Files.exists(TemporaryModelCache.directory().resolve("densenet121")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unknownModelsAndBadArgumentsSayWhatToDo() throws Exception {
        CliRun pull = run("models", "pull", "resnet50");
        assertEquals(1, pull.exit());
        assertTrue(pull.err().contains("there is no known model 'resnet50' to pull"), pull.err());

        CliRun notPulled = run("embed", "--image-model", "vgg16", tmp.toString());
        assertEquals(1, notPulled.exit());
        assertTrue(notPulled.err().contains("run `fashionrec models pull vgg16` (a 553.4 MB download)"), notPulled.err());

        CliRun badArch = run("models", "import", classifier().toString(), "--arch", "resnet");
        assertEquals(1, badArch.exit());
        assertTrue(badArch.err().contains("resnet"), badArch.err());
        assertFalse(Files.exists(TemporaryModelCache.directory().resolve("shop-classifier")));

        assertEquals(2, run("models", "import", classifier().toString()).exit(), "--arch is required");
        assertEquals(2, run("models").exit(), "a subcommand is required");
    }
}
