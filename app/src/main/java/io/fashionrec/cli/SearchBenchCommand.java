package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.vectors.ExactVectorSearch;
import io.fashionrec.vectors.HnswVectorSearch;
import io.fashionrec.vectors.SearchKind;
import io.fashionrec.vectors.Hits;
import io.fashionrec.vectors.NpyFile;
import io.fashionrec.vectors.VectorSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Top-k inner-product search over .npy vectors beside FAISS and hnswlib in the same run.",
            "Runs the peer (../shared/tools/reference_search.py: FAISS IndexFlatIP and hnswlib HNSW) first, then times",
            "fashionrec's search: queries one at a time (single_qps) and all in one batch (batch_qps), after a short warm-up.",
            "Our ids are compared with FAISS's exact ids; a difference where the two rows' products tie within 1e-6 is a tie."})
final class SearchBenchCommand implements Callable<Integer> {

    /** What {@code --search} can name, and how each is built; an implementation joins with one entry. */
    private static final Map<SearchKind, SearchFactory> SEARCHES = Map.of(
            SearchKind.EXACT, (vectors, o) -> ExactVectorSearch.builder(vectors).threads(o.threads).storage(o.storage).build(),
            SearchKind.APPROXIMATE, (vectors, o) -> HnswVectorSearch.builder(vectors).optThreads(o.threads).optEfSearch(o.ef).build());

    /** Scores closer than this are a tie between FAISS's row and ours (float sums in different orders). */
    private static final double TIE = 1e-6;
    /** Single queries run before timing, so the JIT has compiled the scan. */
    private static final int WARMUP_QUERIES = 20;

    @FunctionalInterface
    private interface SearchFactory {
        VectorSearch build(FloatMatrix vectors, SearchBenchCommand options);
    }

    @Mixin
    Streams streams;

    @Option(names = "--vectors", paramLabel = "FILE", required = true, description = "The vectors: a float32 (n, d) .npy, rows L2-normalised.")
    Path vectorsFile;

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "The queries: a float32 (q, d) .npy.")
    Path queriesFile;

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--search", paramLabel = "NAME", defaultValue = "exact",
            description = "The search to time: exact (every row scored), approximate (HNSW, candidates walked on a graph) or auto "
                    + "(approximate above " + SearchKind.AUTO_APPROXIMATE_ABOVE_FLOATS + " stored floats). Default: ${DEFAULT-VALUE}.")
    String search;

    @Option(names = "--ef", paramLabel = "N", defaultValue = "" + HnswVectorSearch.DEFAULT_EF_SEARCH,
            description = "Candidates an approximate search keeps while walking (more: higher recall, slower). Default: ${DEFAULT-VALUE}.")
    int ef;

    @Option(names = "--storage", paramLabel = "KIND", defaultValue = "FLOAT32",
            description = "Rows the exact search scans for single queries: FLOAT32, or INT8 (an int8 copy scanned first, then "
                    + "candidates re-scored in float32; the ids stay exact). Default: ${DEFAULT-VALUE}.")
    ExactVectorSearch.Storage storage;

    @Option(names = "--threads", paramLabel = "N", description = "Cores for one search, ours and the peer's (default: all).")
    Integer threadsOption;

    @Option(names = "--topk", paramLabel = "FILE", description = "Write our top-k ids (single queries) as int64 (q, k) .npy; -1 pads a short row.")
    Path topk;

    @Option(names = "--peer", paramLabel = "FILE", defaultValue = "../shared/tools/reference_search.py",
            description = "The peer script (default: ${DEFAULT-VALUE}, relative to the working directory).")
    Path peer;

    @Option(names = "--no-peer", description = "Skip the peer: our figures alone.")
    boolean noPeer;

    @Option(names = "--python", paramLabel = "FILE", defaultValue = "/usr/bin/python3",
            description = "Python with faiss, hnswlib and numpy for the peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    int threads;

    @Override
    public Integer call() throws Exception {
        SearchKind requested = SearchKinds.parse(search);
        if (ef < 1) {
            throw new BadOptionException("--ef must be at least 1, got " + ef);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        threads = threadsOption == null ? cores : threadsOption;
        if (threads < 1 || threads > cores) {
            throw new BadOptionException("--threads must be 1 to " + cores + " (the cores of this machine), got " + threads);
        }
        if (k < 1) {
            throw new BadOptionException("-k must be at least 1, got " + k);
        }
        if (!noPeer && !Files.isRegularFile(peer)) {
            throw new BadOptionException("no peer script at " + peer.toAbsolutePath().normalize() + "; name it with --peer, or skip it with --no-peer");
        }
        String load = loadAverage();
        SearchPeer peerRun = noPeer ? null : runPeer();

        FloatMatrix queryMatrix = NpyFile.readFloat32(queriesFile);
        float[][] queries = new float[queryMatrix.rows()][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = queryMatrix.row(q);
        }
        FloatMatrix vectors = NpyFile.readFloat32(vectorsFile);
        if (queryMatrix.cols() != vectors.cols()) {
            throw new IOException(queriesFile + " has " + queryMatrix.cols() + " floats per query, " + vectorsFile
                    + " has " + vectors.cols() + " per vector; they must match");
        }
        if (queries.length == 0) {
            throw new IOException(queriesFile + " holds no queries");
        }
        int n = vectors.rows();
        int d = vectors.cols();
        SearchKind kind = requested.resolve(n, d);
        long start = System.nanoTime();
        VectorSearch index = SEARCHES.get(kind).build(vectors, this);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        vectors = null; // the search keeps what it needs; let the file's copy go before memory is measured

        for (int q = 0; q < Math.min(WARMUP_QUERIES, queries.length); q++) {
            index.search(queries[q], k, null);
        }
        start = System.nanoTime();
        Hits[] single = new Hits[queries.length];
        for (int q = 0; q < queries.length; q++) {
            single[q] = index.search(queries[q], k, null);
        }
        double singleQps = queries.length / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        Hits[] batch = index.searchBatch(queries, k, null);
        double batchQps = queries.length / ((System.nanoTime() - start) / 1e9);

        // An exact search's batch is the exact answer; any other is measured against an exact scan of the
        // file, timed one query at a time like ours so the speed-up over exact comes from the same run.
        Hits[] exact = batch;
        double exactSingleQps = singleQps;
        if (kind != SearchKind.EXACT) {
            VectorSearch scan = ExactVectorSearch.builder(NpyFile.readFloat32(vectorsFile)).threads(threads).build();
            exact = new Hits[queries.length];
            start = System.nanoTime();
            for (int q = 0; q < queries.length; q++) {
                exact[q] = scan.search(queries[q], k, null);
            }
            exactSingleQps = queries.length / ((System.nanoTime() - start) / 1e9);
        }
        double recall = recall(single, exact);
        if (topk != null) {
            writeIds(topk, single);
        }
        Comparison faiss = peerRun == null ? null : compare(index, queries, single, peerRun.exactIds());
        long[] memory = memoryKib();

        if (json) {
            ObjectNode doc = Json.object();
            doc.put("vectors", n);
            doc.put("dimension", d);
            doc.put("queries", queries.length);
            doc.put("k", k);
            doc.put("search", kind.label());
            if (requested != kind) {
                doc.put("requested", requested.label());
            }
            if (kind == SearchKind.APPROXIMATE) {
                doc.put("ef", ef);
                doc.put("exact_single_qps", round(exactSingleQps, 1));
                doc.put("single_vs_exact", round(singleQps / exactSingleQps, 2));
            }
            doc.put("single_qps", round(singleQps, 1));
            doc.put("batch_qps", round(batchQps, 1));
            doc.put("recall", round(recall, 4));
            doc.put("build_seconds", round(buildSeconds, 3));
            doc.put("rss_mb", round(memory[0] / 1024.0, 1));
            doc.put("peak_rss_mb", round(memory[1] / 1024.0, 1));
            doc.put("storage", storage.name().toLowerCase(Locale.ROOT));
            doc.put("threads", threads);
            doc.put("simd", DotProductsProvider.get().name() + (storage == ExactVectorSearch.Storage.INT8 ? ", " + DotProductsProvider.quantized().name() : ""));
            doc.put("batch_equals_single", recall(batch, single) == 1.0);
            if (peerRun != null) {
                ObjectNode p = doc.putObject("peer");
                p.put("script", peer.toString());
                putFigures(p.putObject("faiss"), peerRun.faiss());
                ObjectNode h = p.putObject("hnswlib");
                h.put("settings", peerRun.hnswlibSettings());
                putFigures(h, peerRun.hnswlib());
                doc.put("single_vs_faiss", round(singleQps / peerRun.faiss().singleQps(), 2));
                doc.put("batch_vs_faiss", round(batchQps / peerRun.faiss().batchQps(), 2));
                doc.put("single_vs_hnswlib", round(singleQps / peerRun.hnswlib().singleQps(), 2));
                doc.put("ids_equal_faiss", faiss.mismatches() == 0);
                doc.put("faiss_mismatches", faiss.mismatches());
                doc.put("faiss_ties", faiss.ties());
            }
            doc.put("load_average", load);
            doc.put("date", LocalDate.now().toString());
            doc.put("machine", Machine.describe());
            Json.print(streams.out(), doc);
        } else {
            streams.out().printf(Locale.ROOT, "%s search (%s), %d x %d, %d queries, k %d: %.1f q/s one at a time, %.1f q/s batched, "
                    + "recall %.4f, build %.3f s, RSS %.0f MB%n", kind.label(), storage.name().toLowerCase(Locale.ROOT), n, d, queries.length, k,
                    singleQps, batchQps, recall, buildSeconds, memory[0] / 1024.0);
            if (peerRun != null) {
                streams.out().printf(Locale.ROOT, "FAISS IndexFlatIP: %.1f q/s one at a time (x%.2f), %.1f q/s batched (x%.2f); "
                        + "ids %s (%d mismatches, %d ties); hnswlib %s: %.1f / %.1f q/s, recall %.3f, build %.2f s%n",
                        peerRun.faiss().singleQps(), singleQps / peerRun.faiss().singleQps(), peerRun.faiss().batchQps(),
                        batchQps / peerRun.faiss().batchQps(), faiss.mismatches() == 0 ? "equal" : "differ", faiss.mismatches(), faiss.ties(),
                        peerRun.hnswlibSettings(), peerRun.hnswlib().singleQps(), peerRun.hnswlib().batchQps(), peerRun.hnswlib().recall(),
                        peerRun.hnswlib().buildSeconds());
            }
        }
        return ExitCodes.OK;
    }

    private SearchPeer runPeer() throws IOException, InterruptedException {
        streams.err().println("running the peer (" + peer.getFileName() + ": FAISS, then hnswlib's index build, which takes a while) ...");
        streams.err().flush();
        Path work = Files.createTempDirectory("fashionrec-bench-search");
        try {
            return SearchPeer.run(List.of(python), peer, vectorsFile, queriesFile, k, threads, work);
        } finally {
            PeerOptions.deleteScratch(work);
        }
    }

    /** How our ids differ from FAISS's: rows that differ with products further apart than {@link #TIE}, and ties. */
    record Comparison(int mismatches, int ties) {
    }

    private static Comparison compare(VectorSearch index, float[][] queries, Hits[] ours, NpyFile.LongMatrix theirs) throws IOException {
        if (theirs.rows() != queries.length) {
            throw new IOException("FAISS returned ids for " + theirs.rows() + " queries, we searched " + queries.length);
        }
        int mismatches = 0;
        int ties = 0;
        for (int q = 0; q < queries.length; q++) {
            int[] rows = ours[q].ordinals();
            for (int r = 0; r < Math.min(rows.length, theirs.cols()); r++) {
                long id = theirs.get(q, r);
                if (id == rows[r]) {
                    continue;
                }
                // FAISS's row: score it alone (a filtered search), then see whether it ties with ours at this rank
                int other = (int) id;
                Hits h = id < 0 || id >= index.size() ? null : index.search(queries[q], 1, row -> row == other);
                if (h != null && h.size() == 1 && Math.abs(h.scores()[0] - ours[q].scores()[r]) <= TIE) {
                    ties++;
                } else {
                    mismatches++;
                }
            }
        }
        return new Comparison(mismatches, ties);
    }

    /** Mean over queries of the share of the exact hits that were found. */
    private static double recall(Hits[] found, Hits[] exact) {
        double sum = 0;
        for (int q = 0; q < found.length; q++) {
            Set<Integer> want = new HashSet<>();
            for (int row : exact[q].ordinals()) {
                want.add(row);
            }
            int hit = 0;
            for (int row : found[q].ordinals()) {
                hit += want.contains(row) ? 1 : 0;
            }
            sum += want.isEmpty() ? 1 : (double) hit / want.size();
        }
        return sum / found.length;
    }

    private void writeIds(Path file, Hits[] hits) throws IOException {
        long[] ids = new long[hits.length * k];
        java.util.Arrays.fill(ids, -1);
        for (int q = 0; q < hits.length; q++) {
            int[] rows = hits[q].ordinals();
            for (int r = 0; r < rows.length; r++) {
                ids[q * k + r] = rows[r];
            }
        }
        NpyFile.writeInt64(file, hits.length, k, ids);
    }

    private static void putFigures(ObjectNode node, SearchPeer.Figures f) {
        node.put("single_qps", f.singleQps());
        node.put("batch_qps", f.batchQps());
        node.put("recall", f.recall());
        node.put("build_seconds", f.buildSeconds());
    }

    /** VmRSS and VmHWM (peak) of this process in KiB, from /proc/self/status; -1 where unknown (not Linux). */
    private static long[] memoryKib() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = kib(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** The 1-, 5- and 15-minute load averages when the run started, as /proc/loadavg gives them; empty where unknown. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
