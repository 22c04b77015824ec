package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.SampleData;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes with their own CNN: {@code index --image-model FILE.onnx} with the
 * reference DenseNet121 as the whole classifier PyTorch exported (so the surgery runs), then
 * {@code evaluate}. On the first 96 products of the shared sample, to stay quick; BENCHMARKS.md
 * has the full sample. Runs when {@code -Dfashionrec.referenceCnn} names the reference models
 * ({@code ./test.sh} does).
 */
@ExtendWith(TemporaryModelCache.class)
class ReferenceCnnCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRODUCTS = 96;

    @TempDir
    Path tmp;

    @Test
    void indexAndEvaluateWithAWholeClassifierGivenAsAFile() throws Exception {
        String dir = System.getProperty("fashionrec.referenceCnn", "");
        Assumptions.assumeFalse(dir.isBlank(), "no reference CNN models: run ./test.sh, or pass -Dfashionrec.referenceCnn=DIR");
        Path model = Path.of(dir, "densenet121-full.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(model), "no " + model);
        Path catalog = firstProductsOfTheSample();
        Path index = tmp.resolve("index");

        CliRun built = run("index", "--catalog", catalog.toString(), "--index", index.toString(), "--image-model", model.toString(),
                "--json");
        assertEquals(0, built.exit(), built.err());
        JsonNode summary = JSON.readTree(built.out());
        assertEquals(PRODUCTS, summary.get("imagesEmbedded").asInt(), summary.toString());
        assertEquals("densenet121-full", summary.get("imageEncoder").get("name").asText(), summary.toString());
        assertEquals(1024, summary.get("imageEncoder").get("dimension").asInt(), "the pooled feature map, not 1000 class scores");

        CliRun evaluated = run("evaluate", "--index", index.toString(), "--json");
        assertEquals(0, evaluated.exit(), evaluated.err());
        int rows = 0;
        for (JsonNode r : JSON.readTree(evaluated.out()).get("results")) {
            double p = r.get("precision").asDouble();
            assertTrue(p >= 0 && p <= 1, r.toString());
            rows++;
        }
        assertEquals(9, rows, "text, image and fused for three labels");
    }

    /** The sample's styles.csv cut to its header and first {@link #PRODUCTS} rows, beside a link to its images. */
    private Path firstProductsOfTheSample() throws Exception {
        Path sample = SampleData.catalog();
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(sample.resolve("styles.csv"))) {
            for (String line = in.readLine(); line != null && lines.size() <= PRODUCTS; line = in.readLine()) {
                lines.add(line);
            }
        }
        Files.write(catalog.resolve("styles.csv"), lines);
        Files.createSymbolicLink(catalog.resolve("images"), sample.resolve("images").toAbsolutePath());
        return catalog;
    }
}
