package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench serve} on a tiny catalog: the load runs over real HTTP, fails nothing and reports both sides. */
class ServeBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aSmallLoadTestReportsThroughputLatencyAndTheRatio() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        CliRun run = CliRun.run("bench", "serve", "--catalog", catalog.toString(), "--requests", "300",
                "--clients", "4", "--warmup", "50", "-k", "3", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(10, doc.path("products").asInt());
        assertEquals("exact", doc.path("search").asText());
        assertEquals(1.0, doc.path("recall").asDouble());
        JsonNode server = doc.path("server");
        assertEquals(300, server.path("requests").asInt());
        assertEquals(0, server.path("failures").asInt(), doc.toString());
        assertTrue(server.path("perSecond").asDouble() > 0);
        assertTrue(server.path("p50Millis").asDouble() <= server.path("p99Millis").asDouble());
        assertTrue(server.path("p99Millis").asDouble() <= server.path("maxMillis").asDouble());
        assertTrue(doc.path("inProcess").path("perSecond").asDouble() > 0);
        double ratio = server.path("perSecond").asDouble() / doc.path("inProcess").path("perSecond").asDouble();
        assertEquals(ratio, doc.path("ratio").asDouble(), 0.002);
    }

    @Test
    void theApproximateSearchIsLoadTestedTooAndAnUnknownOneIsAUsageError() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        CliRun run = CliRun.run("bench", "serve", "--catalog", catalog.toString(), "--requests", "100",
                "--clients", "2", "--warmup", "10", "--search", "approximate", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals("approximate", doc.path("search").asText());
        assertTrue(doc.path("recall").asDouble() > 0.5, "recall " + doc.path("recall"));
        assertEquals(0, doc.path("server").path("failures").asInt(), doc.toString());
        CliRun bad = CliRun.run("bench", "serve", "--catalog", catalog.toString(), "--search", "fuzzy");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("--search: unknown search 'fuzzy'"), bad.err());
    }

    @Test
    void closedLoopLatenciesAndPercentilesAreNearestRank() throws Exception {
        ClosedLoop.Result result = ClosedLoop.run(3, 100, () -> n -> {
            Thread.sleep(n % 10 == 0 ? 20 : 1);
            return n != 99;
        });
        assertEquals(100, result.requests());
        assertEquals(1, result.failures());
        assertTrue(result.firstFailure().contains("99"), result.firstFailure());
        assertTrue(result.millis(0.5) < 20, "p50 " + result.millis(0.5));
        assertTrue(result.millis(0.95) >= 20, "p95 " + result.millis(0.95) + ": the 10 slow requests are the slowest 10%");
    }
}
