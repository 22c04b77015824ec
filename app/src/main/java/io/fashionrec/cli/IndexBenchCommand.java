package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time 'fashionrec index' on a catalog, JVM start included, against the Python peer's image features on the same images.",
            "Rounds alternate peer and fashionrec; the ratio is median fashionrec seconds / median peer image-feature seconds."})
final class IndexBenchCommand implements Callable<Integer> {

    private static final Pattern PEER_IMAGE_SECONDS = Pattern.compile("image features ([0-9.]+)s");

    @Mixin
    Streams streams;

    @Mixin
    PeerOptions peer;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new BadOptionException("--runs must be at least 1, got " + runs);
        }
        Path script = peer.script("reference_classic.py");
        Path work = Files.createTempDirectory("fashionrec-bench-index");
        double[] ours = new double[runs];
        double[] peerImage = new double[runs];
        double[] peerWall = new double[runs];
        int[] embedded = new int[runs];
        try {
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                String peerOut = Peers.run(peer.command(script, peer.catalog.toString()), work.resolve("peer.log"));
                peerWall[r] = (System.nanoTime() - start) / 1e9;
                peerImage[r] = Peers.number(peerOut, PEER_IMAGE_SECONDS, "'image features Ns' line");
                start = System.nanoTime();
                // A new index directory each round: the embedding cache of an earlier round would spare the photos the peer decodes again.
                Path index = work.resolve("index-" + (r + 1));
                String summary = Peers.run(Peers.fashionrec("index", "--catalog", peer.catalog.toString(), "--index", index.toString(), "--json"),
                        work.resolve("ours.log"));
                ours[r] = (System.nanoTime() - start) / 1e9;
                // Round 1 starts from nothing (photos that occur twice in the catalog are embedded once); the rest must embed as many.
                embedded[r] = Json.MAPPER.readTree(summary).path("imagesEmbedded").asInt(-1);
                if (embedded[r] != embedded[0]) {
                    throw new IllegalStateException("round " + (r + 1) + " embedded " + embedded[r] + " photos and round 1 " + embedded[0]
                            + "; every round must embed what the first did");
                }
                streams.err().printf(Locale.ROOT, "round %d: fashionrec index %.2f s, peer image features %.2f s%n", r + 1, ours[r], peerImage[r]);
                streams.err().flush();
            }
        } finally {
            PeerOptions.deleteScratch(work);
        }
        double ratio = Peers.median(ours) / Peers.median(peerImage);
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("benchmark", "index");
            doc.put("catalog", peer.catalog.toString());
            doc.put("date", LocalDate.now().toString());
            doc.put("machine", Machine.describe());
            doc.put("runs", runs);
            putSeries(doc.putObject("fashionrec"), "wallSeconds", ours);
            ObjectNode p = doc.putObject("peer");
            p.put("script", script.toString());
            putSeries(p, "imageFeatureSeconds", peerImage);
            putSeries(p, "wallSeconds", peerWall);
            doc.put("ratio", Math.round(ratio * 1000) / 1000.0);
            Json.print(streams.out(), doc);
        } else {
            streams.out().printf(Locale.ROOT, "fashionrec index (JVM start included): median %.2f s; peer image features alone: median %.2f s "
                    + "(peer wall %.2f s); ratio %.2f  [%s, %s]%n", Peers.median(ours), Peers.median(peerImage), Peers.median(peerWall), ratio,
                    Machine.describe(), LocalDate.now());
        }
        return ExitCodes.OK;
    }

    /** {@code field: {"values": [...], "median": m}}, seconds rounded to milliseconds. */
    private static void putSeries(ObjectNode node, String field, double[] values) {
        ObjectNode series = node.putObject(field);
        ArrayNode a = series.putArray("values");
        for (double v : values) {
            a.add(Math.round(v * 1000) / 1000.0);
        }
        series.put("median", Math.round(Peers.median(values) * 1000) / 1000.0);
    }
}
