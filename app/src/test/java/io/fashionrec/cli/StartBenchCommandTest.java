package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench start}: a real server started in a child process on a small index, timed and measured. */
class StartBenchCommandTest {

    @TempDir
    Path tmp;

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(expectedExit, exit, String.join(" ", args) + ": " + err);
        return expectedExit == 0 ? out.toString() : err.toString();
    }

    @Test
    void theServerAnswersAndItsStartAndMemoryAreReported() throws Exception {
        Path set = tmp.resolve("set");
        Path index = tmp.resolve("index");
        run(0, "generate", "--vectors-only", "--products", "400", "--dimension", "32", "--queries", "1", "--out", set.toString());
        run(0, "index", "--catalog", set.toString(), "--image-vectors", set.resolve("vectors.npy").toString(),
                "--index", index.toString());
        JsonNode doc = new ObjectMapper().readTree(run(0, "bench", "start", "--index", index.toString(), "--search", "exact",
                "--queries", "3", "--json"));
        assertTrue(doc.path("answered").asBoolean(), doc.toString());
        assertEquals(400, doc.path("products").asInt());
        assertEquals("exact", doc.path("search").asText());
        double health = doc.path("healthSeconds").asDouble();
        double first = doc.path("firstAnswerSeconds").asDouble();
        assertTrue(health > 0 && first >= health && first < 120, "health " + health + " s, first answer " + first + " s");
        assertTrue(doc.path("firstAnswerMillis").asDouble() > 0 && doc.path("medianAnswerMillis").asDouble() > 0, doc.toString());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            double rss = doc.path("vmRssMiB").asDouble();
            assertTrue(rss > 10 && doc.path("vmHwmMiB").asDouble() >= rss, "a JVM holds tens of MiB at least: " + doc);
            assertEquals(rss, doc.path("rssAnonMiB").asDouble() + doc.path("rssFileMiB").asDouble(), 1.0, doc.toString());
        }
    }

    @Test
    void fewerThanOneQueryIsRefusedBeforeAnyChildStarts() {
        String err = run(2, "bench", "start", "--index", tmp.resolve("none").toString(), "--queries", "0");
        assertTrue(err.contains("--queries"), err);
    }
}
