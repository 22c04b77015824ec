package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommend} and {@code serve} on the command line, the server reached over real HTTP. */
class ServeAndRecommendCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path index;

    @BeforeAll
    static void buildAnIndex() throws Exception {
        System.setProperty("java.awt.headless", "true");
        index = tmp.resolve("index");
        CliRun run = CliRun.run("index", "--catalog", TinyCatalog.write(tmp.resolve("catalog")).toString(), "--index", index.toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void recommendPrintsATableOrJsonAndNeverTheHistory() throws Exception {
        CliRun table = CliRun.run("recommend", "--index", index.toString(), "--history", "1,2", "-k", "3");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("closest to "), table.out());
        CliRun json = CliRun.run("recommend", "--index", index.toString(), "--history", "1,2,5", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(7, doc.path("results").size(), "10 products, 3 seen");
        for (JsonNode r : doc.path("results")) {
            assertFalse(java.util.List.of("1", "2", "5").contains(r.path("id").asText()), r.toString());
            assertTrue(java.util.List.of("1", "2", "5").contains(r.path("closest").get(0).path("id").asText()), r.toString());
        }
        CliRun unknown = CliRun.run("recommend", "--index", index.toString(), "--history", "1,nope");
        assertEquals(ExitCodes.FAILURE, unknown.exit());
        assertTrue(unknown.err().contains("nope"), unknown.err());
    }

    @Test
    void serveAnswersOverHttpUntilInterruptedAndABusyPortIsOneSentence() throws Exception {
        try (BackgroundCommand serving = new BackgroundCommand(20, "serve", "--index", index.toString(), "--port", "0")) {
            HttpResponse<String> similar = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serving.url() + "/api/products/1/similar?k=2")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, similar.statusCode(), similar.body());
            assertEquals(2, JSON.readTree(similar.body()).path("results").size());
        }

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun busy = CliRun.run("serve", "--index", index.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.FAILURE, busy.exit());
            assertTrue(busy.err().contains("--port"), busy.err());
            assertFalse(busy.err().contains("\tat "), "a stack trace: " + busy.err());
        }
    }
}
