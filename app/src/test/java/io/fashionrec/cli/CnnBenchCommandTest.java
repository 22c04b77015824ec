package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.testing.TinyCatalog;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench cnn} with a stand-in peer: a shell script that writes a tiny model in place of both
 * exports and prints PyTorch's timing lines. Our encoder really runs; the report's arithmetic and
 * the measured clock are checked.
 */
class CnnBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void timesTheEncoderOnThePeersModelsAndReportsRatiosAndPeakShares() throws Exception {
        Path catalog = TinyCatalog.write(tmp.resolve("catalog"));
        Path model = tmp.resolve("tiny.onnx");
        try (InputStream in = getClass().getResourceAsStream("/encoder/tiny-pooled.onnx")) {
            Files.copy(in, model);
        }
        Path peer = tmp.resolve("peer.sh");
        Files.writeString(peer, "cp '" + model + "' \"$1/densenet121-gmp.onnx\"\ncp '" + model + "' \"$1/vgg16-gmp.onnx\"\n"
                + "echo 'densenet121: 16 images, batch 16, 4.00 images/s (PyTorch 9.9, 2 threads)'\n"
                + "echo 'vgg16: 16 images, batch 16, 2.00 images/s (PyTorch 9.9, 2 threads)'\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "cnn", "--catalog", catalog.toString(), "--peer", peer.toString(), "--python", "/bin/sh",
            "--images", "16", "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("PyTorch 9.9, 2 threads", doc.get("peer").asText());
        assertEquals(10, doc.get("images").asInt(), "the tiny catalog has 10 photos");
        double peak = doc.get("peakGflops").asDouble();
        assertTrue(peak > 1, "a measured clock: " + doc.get("peakAssumption"));
        assertTrue(doc.get("peakAssumption").asText().contains("MHz (measured under load"), doc.get("peakAssumption").asText());
        double[] torch = {4.0, 2.0};
        for (int i = 0; i < 2; i++) {
            JsonNode r = doc.get("results").get(i);
            double ours = r.get("fashionrecImagesPerSecond").asDouble();
            assertTrue(ours > 0, r.toString());
            assertEquals(torch[i], r.get("pytorchImagesPerSecond").asDouble());
            assertEquals(ours / torch[i], r.get("ratio").asDouble(), 0.01);
            assertEquals(ours * r.get("gflopPerImage").asDouble() / peak, r.get("peakShare").asDouble(), 0.01);
        }
    }
}
