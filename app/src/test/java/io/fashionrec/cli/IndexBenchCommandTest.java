package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench index} with a stand-in peer (a shell script printing the peer's summary line):
 * a real {@code fashionrec index} child process is timed, and the report's arithmetic is checked.
 */
class IndexBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void timesARealIndexRunBesideThePeerAndReportsTheRatioOfMedians() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        Path peer = tmp.resolve("peer.sh");
        Files.writeString(peer, "echo '10 products; image features 4.0s (2 images/s, 1 core), text 0.01s'\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "index", "--catalog", catalog.toString(), "--peer", peer.toString(),
            "--python", "/bin/sh", "--runs", "2", "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString()); // the command fails if round 2 took embeddings from round 1's cache
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("index", doc.get("benchmark").asText());
        assertEquals(4.0, doc.get("peer").get("imageFeatureSeconds").get("median").asDouble(), 1e-9);
        double ours = doc.get("fashionrec").get("wallSeconds").get("median").asDouble();
        assertTrue(ours > 0, "the child index run was timed");
        assertEquals(Math.round(ours / 4.0 * 1000) / 1000.0, doc.get("ratio").asDouble(), 0.0011);
        assertTrue(err.toString().contains("round 2: fashionrec index"), err.toString());
    }

    @Test
    void aPeerThatPrintsNoTimingIsAFailureThatQuotesIt() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        Path peer = tmp.resolve("peer.sh");
        Files.writeString(peer, "echo 'something else'\n");
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "index", "--catalog", catalog.toString(), "--peer", peer.toString(),
            "--python", "/bin/sh", "--runs", "1"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, exit);
        assertTrue(err.toString().contains("printed no 'image features Ns' line; its output: something else"), err.toString());
    }
}
