package io.fashionrec.bench;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.vectors.ExactVectorSearch;
import io.fashionrec.vectors.HnswVectorSearch;
import io.fashionrec.vectors.NpyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Approximate search against our exact search on the same {@code .npy} files the peer script
 * ({@code /work/shared/tools/reference_search.py}, FAISS and hnswlib) reads, so the figures sit
 * side by side: recall@k against the exact top k, queries per second one query at a time, build
 * seconds. A main rather than a JMH benchmark because a 200,000-row graph takes minutes to build
 * and every search setting is measured on the one graph.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar:bench/target/lib/* \
 *     io.fashionrec.bench.HnswSearchBench V.npy Q.npy k=10 ef=50,100,200 m=16 beam=100 threads=2
 * </pre>
 *
 * Options (defaults): {@code k=10}, {@code ef=...} the efSearch values measured (10,20,40,60,100),
 * {@code m=16} max connections, {@code beam=100} beam width, {@code threads=1,2} one graph built
 * per thread count (the last one is searched), {@code filter=} percentages of rows (chosen with a
 * fixed seed) that filtered searches at the default efSearch accept, none by default. The queries run one at a time on this thread, each
 * setting once untimed to warm the JIT, then timed. When the peer has left
 * {@code Q.npy.topk.npy} beside the queries, our exact ids are checked against FAISS's.
 */
public final class HnswSearchBench {

    private HnswSearchBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HnswSearchBench VECTORS.npy QUERIES.npy [k=10] [ef=10,20,40,60,100]"
                    + " [m=16] [beam=100] [threads=1,2] [filter=1,10,50]");
            System.exit(2);
        }
        int k = 10;
        int[] efs = {10, 20, 40, 60, 100};
        int m = HnswVectorSearch.DEFAULT_MAX_CONNECTIONS;
        int beam = HnswVectorSearch.DEFAULT_BEAM_WIDTH;
        int[] threads = {1, 2};
        int[] filters = {};
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            switch (kv[0]) {
                case "k" -> k = Integer.parseInt(kv[1]);
                case "ef" -> efs = ints(kv[1]);
                case "m" -> m = Integer.parseInt(kv[1]);
                case "beam" -> beam = Integer.parseInt(kv[1]);
                case "threads" -> threads = ints(kv[1]);
                case "filter" -> filters = ints(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]
                        + "; known: k, ef, m, beam, threads, filter");
            }
        }
        Path queryFile = Path.of(args[1]);
        FloatMatrix vectors = NpyFile.readFloat32(Path.of(args[0]));
        FloatMatrix queries = NpyFile.readFloat32(queryFile);
        System.out.printf("vectors %d x %d, queries %d, k %d, dot products %s, load %s%n", vectors.rows(),
                vectors.cols(), queries.rows(), k, DotProductsProvider.get().name(), load());

        BitSet[] passing = new BitSet[filters.length];
        for (int f = 0; f < filters.length; f++) {
            passing[f] = randomRows(vectors.rows(), filters[f]);
        }
        int[][][] truth = exactScan(vectors, queries, k, passing);
        int[][] exact = truth[0];
        Path peerTopK = Path.of(queryFile + ".topk.npy");
        if (Files.exists(peerTopK)) {
            System.out.printf("exact ids agreeing with FAISS's %s: %.4f%n", peerTopK, agreement(exact, NpyFile.readInt64(peerTopK)));
        }

        HnswVectorSearch search = null;
        for (int t : threads) {
            long start = System.nanoTime();
            search = HnswVectorSearch.builder(vectors).optMaxConnections(m).optBeamWidth(beam).optThreads(t).build();
            System.out.printf("HNSW M=%d beamWidth=%d built with %d thread(s) in %.2f s, load %s%n", m, beam, t,
                    (System.nanoTime() - start) / 1e9, load());
        }
        System.out.println("efSearch  recall@" + k + "  q/s one at a time");
        for (int ef : efs) {
            Timed run = Timed.of(search.withEfSearch(ef), queries, k, null);
            System.out.printf("%8d  %9.4f  %8.1f%n", ef, recall(run.found(), exact), run.queriesPerSecond());
        }
        for (int f = 0; f < filters.length; f++) {
            Timed run = Timed.of(search, queries, k, passing[f]::get);
            System.out.printf("filter passing %d%% (%d rows), efSearch %d: recall@%d %.4f, %.1f q/s one at a time%n",
                    filters[f], passing[f].cardinality(), search.efSearch(), k, recall(run.found(), truth[f + 1]),
                    run.queriesPerSecond());
        }
        System.out.println("load " + load());
    }

    /**
     * Our exact search ({@link ExactVectorSearch}, float32 rows, split across every core), one query
     * at a time: timed after one untimed pass. The answers are the truth for recall: {@code [0]}
     * unfiltered, {@code [1 + f]} among the rows of {@code passing[f]}.
     */
    private static int[][][] exactScan(FloatMatrix vectors, FloatMatrix queries, int k, BitSet[] passing) {
        ExactVectorSearch exact = ExactVectorSearch.of(vectors);
        int[][][] top = new int[1 + passing.length][queries.rows()][];
        for (int pass = 0; pass < 2; pass++) {
            long start = System.nanoTime();
            for (int q = 0; q < queries.rows(); q++) {
                top[0][q] = exact.search(queries.row(q), k, null).ordinals();
            }
            if (pass == 1) {
                System.out.printf("exact search (ExactVectorSearch, %d cores): %.1f q/s one at a time%n",
                        Runtime.getRuntime().availableProcessors(), queries.rows() / ((System.nanoTime() - start) / 1e9));
            }
        }
        for (int f = 0; f < passing.length; f++) {
            BitSet rows = passing[f];
            for (int q = 0; q < queries.rows(); q++) {
                top[1 + f][q] = exact.search(queries.row(q), k, rows::get).ordinals();
            }
        }
        return top;
    }

    /** About {@code percent}% of {@code rows}, chosen with a fixed seed so runs compare. */
    private static BitSet randomRows(int rows, int percent) {
        SplittableRandom random = new SplittableRandom(percent);
        BitSet set = new BitSet(rows);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(100) < percent) {
                set.set(r);
            }
        }
        return set;
    }

    /** The queries searched one at a time, once untimed to warm the JIT, then timed. */
    private record Timed(int[][] found, double queriesPerSecond) {

        static Timed of(HnswVectorSearch search, FloatMatrix queries, int k, IntPredicate accept) {
            int[][] found = new int[queries.rows()][];
            long start = 0;
            for (int pass = 0; pass < 2; pass++) {
                start = System.nanoTime();
                for (int q = 0; q < queries.rows(); q++) {
                    found[q] = search.search(queries.row(q), k, accept).ordinals();
                }
            }
            return new Timed(found, queries.rows() / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static double recall(int[][] found, int[][] exact) {
        int hit = 0;
        int wanted = 0;
        for (int q = 0; q < exact.length; q++) {
            Set<Integer> got = new HashSet<>();
            Arrays.stream(found[q]).forEach(got::add);
            for (int r : exact[q]) {
                hit += got.contains(r) ? 1 : 0;
            }
            wanted += exact[q].length;
        }
        return (double) hit / wanted;
    }

    /** The share of our exact ids that FAISS also returned (ties may order equal scores differently). */
    private static double agreement(int[][] ours, NpyFile.LongMatrix theirs) {
        int same = 0;
        int total = 0;
        for (int q = 0; q < ours.length && q < theirs.rows(); q++) {
            Set<Long> peer = new HashSet<>();
            for (int j = 0; j < theirs.cols(); j++) {
                peer.add(theirs.get(q, j));
            }
            for (int r : ours[q]) {
                same += peer.contains((long) r) ? 1 : 0;
                total++;
            }
        }
        return (double) same / total;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** The 1-minute load average, for the record: figures taken on a busy machine are not comparable. */
    private static String load() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
    }
}
