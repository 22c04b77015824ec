package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.index.GraphPolicy;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.server.RecommendationServer;
import io.fashionrec.vectors.SearchKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test the server: 'similar' requests from concurrent clients over loopback, beside the in-process Recommender.",
            "Both run the same requests after a warm-up; the ratio is server requests/s over in-process queries/s (one query per call).",
            "The server answers the requests waiting together with one batched scan; the in-process batched figure is its ceiling."})
final class ServeBenchCommand implements Callable<Integer> {

    /** The targets of the load test: what a 2-core machine must sustain. */
    static final double MAX_P99_MILLIS = 50;
    static final double MIN_RATIO = 0.5;

    @Mixin
    Streams streams;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--index", paramLabel = "DIR", description = "An index to serve.")
        Path index;

        @Option(names = "--catalog", paramLabel = "DIR", description = "A catalog to index first (classic encoder), e.g. ../shared/data/fashion-sample.")
        Path catalog;
    }

    @Option(names = "--requests", paramLabel = "N", defaultValue = "20000", description = "Measured requests per side (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "4000", description = "Unmeasured requests per side first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "Results per request (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--search", paramLabel = "KIND", defaultValue = "exact",
            description = "How the server and the in-process Recommender search: exact, approximate or auto (as serve --search). "
                    + "Default: ${DEFAULT-VALUE}.")
    String search;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || clients < 1 || warmup < 0 || k < 1) {
            throw new BadOptionException("--requests, --clients and -k must be at least 1 and --warmup at least 0; got " + requests + ", "
                    + clients + ", " + k + " and " + warmup);
        }
        SearchKind kind = SearchKinds.parse(search);
        Path scratch = null;
        ProductIndex index;
        if (source.index != null) {
            index = ProductIndexFormat.read(source.index);
        } else {
            scratch = Files.createTempDirectory("fashionrec-bench-serve");
            // The graph is built once, with the index, when the search walks it (the server and the
            // in-process recommender then share it), and not at all for exact search.
            GraphPolicy graph = switch (kind) {
                case EXACT -> GraphPolicy.NEVER;
                case APPROXIMATE -> GraphPolicy.ALWAYS;
                case AUTO -> GraphPolicy.AUTO;
            };
            index = CatalogIndexing.run(source.catalog, scratch.resolve("index"), Map.of(ImageModels.MODEL, ImageModels.CLASSIC),
                    IndexBuilder.builder().optGraph(graph), streams.err()).result().index();
        }
        try (RecommendationServer server = RecommendationServer.builder(index).optPort(0).optSearch(kind).build().start()) {
            Recommender direct = new Recommender(index, kind);
            double recall = direct.searchKind() == SearchKind.EXACT ? 1.0 : recall(index, direct);
            report(index, direct.searchKind(), recall, measure(index, server, direct));
        } finally {
            if (scratch != null) {
                PeerOptions.deleteScratch(scratch);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * @param inProcess the Recommender called directly, one query per call, from as many threads as clients
     * @param batched   the Recommender called directly with batches of {@link SearchQueue}'s size, one thread per processor:
     *                  the ceiling the server's batching can reach
     * @param server    the server over loopback
     */
    private record Sides(ClosedLoop.Result inProcess, double batchedPerSecond, ClosedLoop.Result server) {
    }

    private Sides measure(ProductIndex index, RecommendationServer server, Recommender recommender) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            ids.add(index.products().id(i));
        }
        Collections.shuffle(ids, new Random(42)); // the same request order on both sides, and every run
        SearchOptions options = SearchOptions.top(k);
        ClosedLoop.ClientFactory direct = () -> n -> !recommender.similar(ids.get(n % ids.size()), options).isEmpty();
        List<String> paths = ids.stream().map(id -> "/api/products/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/similar?k=" + k).toList();
        ClosedLoop.ClientFactory http = () -> new KeepAliveHttpClient("127.0.0.1", server.port(), n -> paths.get(n % paths.size()));
        progress("warming up (" + warmup + " requests each side) ...");
        ClosedLoop.run(clients, Math.max(1, warmup), direct);
        ClosedLoop.run(clients, Math.max(1, warmup), http);
        progress("in-process Recommender: " + requests + " queries from " + clients + " threads ...");
        ClosedLoop.Result inProcess = ClosedLoop.run(clients, requests, direct);
        int batch = RecommendationServer.MAX_SIMILAR_BATCH;
        List<SearchOptions> batchOptions = Collections.nCopies(batch, options);
        ClosedLoop.ClientFactory batches = () -> n -> {
            List<String> some = new ArrayList<>(batch);
            for (int q = 0; q < batch; q++) {
                some.add(ids.get((n * batch + q) % ids.size()));
            }
            return recommender.similar(some, batchOptions).size() == batch;
        };
        int threads = Runtime.getRuntime().availableProcessors();
        ClosedLoop.run(threads, Math.max(1, warmup / batch), batches);
        progress("in-process Recommender, batches of " + batch + ": " + requests + " queries from " + threads + " threads ...");
        ClosedLoop.Result batched = ClosedLoop.run(threads, Math.max(1, requests / batch), batches);
        progress("server: " + requests + " requests from " + clients + " clients over loopback ...");
        ClosedLoop.Result overHttp = ClosedLoop.run(clients, requests, http);
        return new Sides(inProcess, batched.perSecond() * batch, overHttp);
    }

    private void progress(String message) {
        streams.err().println(message);
        streams.err().flush();
    }

    /** How many products the recall of an approximate search is measured on. */
    static final int RECALL_QUERIES = 500;

    /** Recall@k of {@code approximate} against an exact scan, over the first {@link #RECALL_QUERIES} products. */
    private double recall(ProductIndex index, Recommender approximate) {
        Recommender exact = new Recommender(index);
        int queries = Math.min(RECALL_QUERIES, index.size());
        long found = 0;
        long wanted = 0;
        for (int i = 0; i < queries; i++) {
            String id = index.products().id(i);
            java.util.Set<String> truth = new java.util.HashSet<>();
            exact.similar(id, SearchOptions.top(k)).forEach(r -> truth.add(r.id()));
            found += approximate.similar(id, SearchOptions.top(k)).stream().filter(r -> truth.contains(r.id())).count();
            wanted += truth.size();
        }
        return wanted == 0 ? 1.0 : (double) found / wanted;
    }

    private void report(ProductIndex index, SearchKind resolved, double recall, Sides sides) {
        ClosedLoop.Result s = sides.server();
        double ratio = s.perSecond() / sides.inProcess().perSecond();
        boolean met = s.failures() == 0 && s.millis(0.99) < MAX_P99_MILLIS && ratio >= MIN_RATIO;
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("benchmark", "serve");
            doc.put("date", LocalDate.now().toString());
            doc.put("machine", Machine.describe());
            doc.put("products", index.size());
            doc.put("search", resolved.label());
            doc.put("recall", round(recall, 4));
            doc.put("clients", clients);
            doc.put("k", k);
            put(doc.putObject("server"), s);
            put(doc.putObject("inProcess"), sides.inProcess());
            doc.put("inProcessBatchedPerSecond", round(sides.batchedPerSecond(), 1));
            doc.put("ratio", round(ratio, 3));
            doc.put("targetsMet", met);
            if (s.firstFailure() != null) {
                doc.put("firstFailure", s.firstFailure());
            }
            Json.print(streams.out(), doc);
        } else {
            streams.out().printf(Locale.ROOT, "server: %d requests from %d clients, %d failed; %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    s.requests(), clients, s.failures(), s.perSecond(), s.millis(0.5), s.millis(0.99), s.millis(1));
            streams.out().printf(Locale.ROOT, "in-process Recommender: %.0f queries/s one per call (ratio server/in-process %.2f); "
                    + "%.0f queries/s in batches of %d%n", sides.inProcess().perSecond(), ratio, sides.batchedPerSecond(), RecommendationServer.MAX_SIMILAR_BATCH);
            streams.out().printf(Locale.ROOT, "targets (0 failures, p99 < %.0f ms, ratio >= %.2f): %s  [%s, %s, %d products]%n", MAX_P99_MILLIS,
                    MIN_RATIO, met ? "met" : "NOT met", Machine.describe(), LocalDate.now(), index.size());
            streams.out().printf(Locale.ROOT, "search: %s, recall@%d against exact %.4f%n", resolved.label(), k, recall);
            if (s.firstFailure() != null) {
                streams.out().println("first failure: " + s.firstFailure());
            }
        }
        streams.out().flush();
    }

    private static void put(ObjectNode node, ClosedLoop.Result r) {
        node.put("requests", r.requests());
        node.put("failures", r.failures());
        node.put("seconds", round(r.seconds(), 3));
        node.put("perSecond", round(r.perSecond(), 1));
        node.put("p50Millis", round(r.millis(0.5), 3));
        node.put("p90Millis", round(r.millis(0.9), 3));
        node.put("p99Millis", round(r.millis(0.99), 3));
        node.put("maxMillis", round(r.millis(1), 3));
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
