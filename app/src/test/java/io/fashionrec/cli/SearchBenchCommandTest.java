package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.synthetic.VectorSetGenerator;
import io.fashionrec.testing.SampleData;
import io.fashionrec.vectors.NpyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench search} on a few hundred generated vectors: the JSON record, the ids file, option errors, and the real FAISS peer where installed. */
class SearchBenchCommandTest {

    @TempDir
    Path tmp;

    private Path vectors;
    private Path queries;

    @BeforeEach
    void vectors() throws Exception {
        VectorSetGenerator.VectorSet set = VectorSetGenerator.generate(tmp.resolve("set"), 400, 24, 15, 7);
        vectors = set.vectorsFile();
        queries = set.queriesFile();
    }



    @Test
    void printsTheRecordAndWritesTheIdsOfTheExactTopK() throws Exception {
        Path ids = tmp.resolve("ids.npy");
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "-k", "5",
                "--no-peer", "--topk", ids.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals(400, doc.get("vectors").asInt());
        assertEquals(24, doc.get("dimension").asInt());
        assertEquals(15, doc.get("queries").asInt());
        assertEquals(5, doc.get("k").asInt());
        assertEquals("exact", doc.get("search").asText());
        assertEquals(1.0, doc.get("recall").asDouble());
        assertTrue(doc.get("single_qps").asDouble() > 0 && doc.get("batch_qps").asDouble() > 0, r.out());
        assertTrue(doc.get("build_seconds").asDouble() >= 0, r.out());
        assertTrue(doc.get("rss_mb").asDouble() > 10, r.out());
        assertTrue(doc.get("batch_equals_single").asBoolean(), r.out());
        assertTrue(doc.path("peer").isMissingNode(), "--no-peer runs no peer");

        NpyFile.LongMatrix found = NpyFile.readInt64(ids);
        assertEquals(15, found.rows());
        assertEquals(5, found.cols());
        FloatMatrix v = NpyFile.readFloat32(vectors);
        FloatMatrix q = NpyFile.readFloat32(queries);
        for (int i = 0; i < q.rows(); i++) {
            assertArrayEquals(bruteForce(v, q.row(i), 5), Arrays.copyOfRange(found.data(), i * 5, i * 5 + 5), "query " + i);
        }
    }

    @Test
    void theInt8StorageFindsTheSameIds() throws Exception {
        Path float32 = tmp.resolve("f.npy");
        Path int8 = tmp.resolve("i.npy");
        assertEquals(0, run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "--no-peer",
                "--topk", float32.toString()).exit());
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "--no-peer",
                "--storage", "INT8", "--topk", int8.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("int8", Json.MAPPER.readTree(r.out()).get("storage").asText());
        assertArrayEquals(NpyFile.readInt64(float32).data(), NpyFile.readInt64(int8).data());
    }

    @Test
    void anUnknownSearchIsAnOptionErrorNamingTheKnownOnes() {
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "--no-peer", "--search", "hnsw");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--search: unknown search 'hnsw': expected exact, approximate or auto"), r.err());
    }

    @Test
    void approximateSearchReportsItsRecallAndSpeedAgainstAnExactScanOfTheSameRun() throws Exception {
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "-k", "5",
                "--no-peer", "--search", "approximate", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals("approximate", doc.get("search").asText());
        assertTrue(doc.get("recall").asDouble() >= 0.9, "recall " + doc.get("recall"));
        assertTrue(doc.get("exact_single_qps").asDouble() > 0);
        assertEquals(doc.get("single_qps").asDouble() / doc.get("exact_single_qps").asDouble(), doc.get("single_vs_exact").asDouble(), 0.01);
    }

    @Test
    void autoScansSmallSetsExactly() throws Exception {
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "--no-peer", "--search", "auto", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals("exact", doc.get("search").asText(), "400 x 24 floats is far below the auto threshold");
        assertEquals("auto", doc.get("requested").asText());
        assertEquals(1.0, doc.get("recall").asDouble());
    }

    @Test
    void queriesOfAnotherDimensionAreRefused() throws Exception {
        Path other = VectorSetGenerator.generate(tmp.resolve("other"), 10, 8, 3, 1).queriesFile();
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", other.toString(), "--no-peer");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("has 8 floats per query, " + vectors + " has 24 per vector"), r.err());
    }

    @Test
    void aMissingPeerScriptSaysHowToNameOrSkipIt() {
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(),
                "--peer", tmp.resolve("nowhere.py").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("name it with --peer, or skip it with --no-peer"), r.err());
    }

    @Test
    void theRealPeerAgreesIdForIdWithFaiss() throws Exception {
        Path script = SampleData.catalogOrSkip().resolve("../../tools/reference_search.py").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(script), "skipped: no peer script at " + script);
        String missing = pythonLacks("/usr/bin/python3", "import faiss, hnswlib, numpy");
        Assumptions.assumeTrue(missing == null, () -> "skipped: " + missing);
        CliRun r = run("bench", "search", "--vectors", vectors.toString(), "--queries", queries.toString(), "-k", "10",
                "--peer", script.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertTrue(doc.get("ids_equal_faiss").asBoolean(), r.out());
        assertEquals(0, doc.get("faiss_mismatches").asInt(), r.out());
        assertTrue(doc.get("peer").get("faiss").get("single_qps").asDouble() > 0, r.out());
        assertTrue(doc.get("peer").get("hnswlib").get("recall").asDouble() > 0.5, r.out());
        assertEquals(doc.get("single_qps").asDouble() / doc.get("peer").get("faiss").get("single_qps").asDouble(),
                doc.get("single_vs_faiss").asDouble(), 0.01);
    }

    /** Why {@code python} cannot run {@code code}, or null if it can. */
    private static String pythonLacks(String python, String code) throws Exception {
        if (!Files.isExecutable(Path.of(python))) {
            return python + " is not there";
        }
        Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return python + " -c '" + code + "' did not finish in 60 s";
        }
        return p.exitValue() == 0 ? null : python + " -c '" + code + "' failed: " + out.strip();
    }

    private static long[] bruteForce(FloatMatrix v, float[] query, int k) {
        double[] s = new double[v.rows()];
        for (int j = 0; j < s.length; j++) {
            for (int i = 0; i < v.cols(); i++) {
                s[j] += (double) query[i] * v.get(j, i);
            }
        }
        return IntStream.range(0, s.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -s[j]).thenComparing(j -> j))
                .limit(k).mapToLong(j -> j).toArray();
    }
}
