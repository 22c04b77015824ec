package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real command lines through {@link Main#run} and checks outputs and exit codes. */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path catalog;
    static Path index;



    @BeforeAll
    static void buildAnIndex() throws Exception {
        System.setProperty("java.awt.headless", "true");
        catalog = TinyCatalog.write(tmp.resolve("catalog"));
        index = tmp.resolve("index");
        CliRun run = run("index", "--catalog", catalog.toString(), "--index", index.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("indexed 10 products into " + index), run.out());
        assertTrue(run.out().contains("10 photos (10 embedded, 0 reused), 0 unusable"), run.out());
    }

    @Test
    void indexJsonSummarisesTheBuildAndItsProblems() throws Exception {
        Path quirky = tmp.resolve("quirky");
        TinyCatalog.write(quirky);
        Files.delete(quirky.resolve("images/3.png"));
        Files.write(quirky.resolve("images/4.png"), new byte[0]);
        CliRun run = run("index", "--catalog", quirky.toString(), "--index", tmp.resolve("quirky-index").toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(10, doc.get("products").asInt());
        assertEquals(8, doc.get("imagesEmbedded").asInt());
        assertEquals(1, doc.get("imagesFailed").asInt());
        assertEquals(1, doc.get("problems").get("image-missing").asInt());
        assertEquals(1, doc.get("problems").get("image-empty").asInt());
        assertTrue(run.err().contains("2 problems"), run.err());
        assertTrue(run.err().contains("styles.csv:5"), "the missing image's row is named: " + run.err());
    }

    @Test
    void indexWritesTheGraphWhenAskedAndTheQueriesWalkIt() throws Exception {
        Path graphIndex = tmp.resolve("graph-index");
        CliRun run = run("index", "--catalog", catalog.toString(), "--index", graphIndex.toString(), "--graph", "always", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode graph = JSON.readTree(run.out()).get("graph");
        assertEquals("built", graph.get("kind").asText());
        assertEquals(10, graph.get("inserted").asInt());
        assertTrue(Files.exists(graphIndex.resolve("graph.1.graph")), "the graph part is in the index");
        CliRun again = run("index", "--catalog", catalog.toString(), "--index", graphIndex.toString(), "--graph", "always");
        assertTrue(again.out().contains("graph refreshed in "), again.out());
        assertTrue(again.out().contains(": 0 inserted, 10 reused;"), again.out());
        assertTrue(run("index", "--catalog", catalog.toString(), "--index", tmp.resolve("small").toString()).out()
                .contains("; no graph (small enough to search exactly)"), "auto: no graph for 10 products");

        for (String kind : new String[] {"exact", "approximate", "auto"}) {
            CliRun similar = run("similar", "--index", graphIndex.toString(), "--id", "1", "-k", "3", "--search", kind, "--json");
            assertEquals(0, similar.exit(), similar.err());
            assertEquals(JSON.readTree(run("similar", "--index", index.toString(), "--id", "1", "-k", "3", "--json").out()).get("results"),
                    JSON.readTree(similar.out()).get("results"), kind + ": ten products, every one a candidate");
            CliRun search = run("search", "--index", graphIndex.toString(), "--text", "blue shoes", "-k", "2", "--search", kind, "--json");
            assertEquals(0, search.exit(), search.err());
            assertEquals(2, JSON.readTree(search.out()).get("results").size(), kind);
        }
        CliRun bad = run("similar", "--index", graphIndex.toString(), "--id", "1", "--search", "fast");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("--search: unknown search 'fast': expected exact, approximate or auto"), bad.err());
        CliRun badGraph = run("index", "--catalog", catalog.toString(), "--index", graphIndex.toString(), "--graph", "sometimes");
        assertEquals(ExitCodes.USAGE, badGraph.exit());
        assertTrue(badGraph.err().contains("--graph: unknown graph policy 'sometimes': expected auto, always or never"), badGraph.err());
    }

    @Test
    void similarJsonIsOneDocumentWithKResultsBreakdownAndNotTheQuery() throws Exception {
        CliRun run = run("similar", "--index", index.toString(), "--id", "1", "-k", "4", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("1", doc.get("query").asText());
        JsonNode results = doc.get("results");
        assertEquals(4, results.size());
        Set<String> ids = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode r : results) {
            ids.add(r.get("id").asText());
            double score = r.get("score").asDouble();
            assertTrue(score <= previous, "sorted by score");
            previous = score;
            for (String field : new String[] {"image", "text", "alignment"}) {
                assertTrue(r.has(field), field);
            }
        }
        assertFalse(ids.contains("1"), "the query is not its own recommendation");
        assertEquals("2", results.get(0).get("id").asText(), "the other red T-shirt comes first");
    }

    @Test
    void filtersAndWeightsChangeTheAnswer() throws Exception {
        JsonNode same = JSON.readTree(run("similar", "--index", index.toString(), "--id", "1", "--same", "articleType", "-k", "3", "--json").out());
        for (JsonNode r : same.get("results")) {
            assertTrue(Set.of("2", "3", "4", "9").contains(r.get("id").asText()), "only T-shirts: " + r);
        }
        JsonNode where = JSON.readTree(run("similar", "--index", index.toString(), "--id", "1", "--where", "baseColour=blue", "--json").out());
        assertEquals(4, where.get("results").size(), "four blue products, matched ignoring case");
        String textOnly = run("similar", "--index", index.toString(), "--id", "5", "--image-weight", "0", "--alignment-weight", "0", "--json").out();
        String imageOnly = run("similar", "--index", index.toString(), "--id", "5", "--text-weight", "0", "--alignment-weight", "0", "--json").out();
        assertNotEquals(JSON.readTree(textOnly).get("results"), JSON.readTree(imageOnly).get("results"));
    }

    @Test
    void searchByTextAndByPhoto() throws Exception {
        CliRun text = run("search", "--index", index.toString(), "--text", "blue shoes", "-k", "2", "--json");
        assertEquals(0, text.exit(), text.err());
        JsonNode results = JSON.readTree(text.out()).get("results");
        assertEquals(Set.of("6", "7"), Set.of(results.get(0).get("id").asText(), results.get(1).get("id").asText()));
        CliRun photo = run("search", "--index", index.toString(), "--image", catalog.resolve("images/6.png").toString(), "-k", "1", "--json");
        assertEquals(0, photo.exit(), photo.err());
        assertEquals("6", JSON.readTree(photo.out()).get("results").get(0).get("id").asText(), "a product's own photo finds it");
    }

    @Test
    void evaluateJsonHasTextImageAndFusedForEveryLabel() throws Exception {
        CliRun run = run("evaluate", "--index", index.toString(), "-k", "3", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(3, doc.get("k").asInt());
        assertEquals(10, doc.get("products").asInt());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : doc.get("results")) {
            seen.add(r.get("modality").asText() + "/" + r.get("label").asText());
            double p = r.get("precision").asDouble();
            assertTrue(p >= 0 && p <= 1, "precision in [0,1]: " + r);
        }
        for (String modality : new String[] {"text", "image", "fused"}) {
            for (String label : EvaluateCommand.DEFAULT_LABELS) {
                assertTrue(seen.contains(modality + "/" + label), modality + "/" + label + " in " + seen);
            }
        }
    }

    @Test
    void badUsageExitsTwoWithTheUsageLine() {
        for (String[] args : new String[][] {
            {"similar", "--index", "x"},
            {"similar", "--index", index.toString(), "--id", "1", "--same", "colour"},
            {"similar", "--index", index.toString(), "--id", "1", "--image-weight", "-1"},
            {"similar", "--index", index.toString(), "--id", "1", "--kernel", "rbf"},
            {"search", "--index", index.toString()},
            {"evaluate", "--index", index.toString(), "--labels", "nope"},
            {"frobnicate"},
        }) {
            CliRun run = run(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("fashionrec: "), run.err());
            assertTrue(run.err().contains("Try 'fashionrec"), "usage hint: " + run.err());
            assertTrue(run.out().isEmpty(), "nothing on stdout");
        }
    }

    @Test
    void failuresExitOneWithOneSentenceAndNoStackTrace() {
        CliRun missing = run("similar", "--index", tmp.resolve("nowhere").toString(), "--id", "1");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("fashionrec: no fashionrec index at "), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), "one line: " + missing.err());
        CliRun unknown = run("similar", "--index", index.toString(), "--id", "404");
        assertEquals(1, unknown.exit());
        assertEquals("fashionrec: no product with id '404' in this index of 10 products (ids look like '1')", unknown.err().strip());
        CliRun verbose = run("--verbose", "similar", "--index", index.toString(), "--id", "404");
        assertEquals(1, verbose.exit());
        assertTrue(verbose.err().contains("at io.fashionrec."), "--verbose adds the stack trace: " + verbose.err());
        CliRun badCatalog = run("index", "--catalog", tmp.resolve("nowhere").toString(), "--index", tmp.resolve("i2").toString());
        assertEquals(1, badCatalog.exit());
        assertFalse(badCatalog.err().contains("\tat "), badCatalog.err());
    }

    @Test
    void generateAndDemoWorkOffline() throws Exception {
        CliRun generate = run("generate", "--products", "30", "--out", tmp.resolve("generated").toString(), "--seed", "5");
        assertEquals(0, generate.exit(), generate.err());
        assertEquals(31, Files.readAllLines(tmp.resolve("generated/styles.csv")).size());
        CliRun demo = run("demo", "--no-serve", "--products", "40", "--dir", tmp.resolve("demo").toString());
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().contains("indexed 40 products"), demo.out());
        assertTrue(demo.out().contains("similar to "), demo.out());
        assertTrue(demo.out().contains("rank  id"), "a table of recommendations: " + demo.out());
    }
}
