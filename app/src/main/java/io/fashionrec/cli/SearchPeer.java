package io.fashionrec.cli;

import io.fashionrec.vectors.NpyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer of {@code bench search}: {@code reference_search.py}, which times FAISS's exact
 * search (IndexFlatIP) and hnswlib's HNSW on the same files and saves FAISS's top-k ids.
 *
 * @param faiss   FAISS IndexFlatIP's figures
 * @param hnswlib hnswlib's figures, with its recall against FAISS
 * @param hnswlibSettings the peer's HNSW settings as it printed them (e.g. "M=16 ef=100")
 * @param exactIds FAISS's top-k ids, queries x k (-1 where it found fewer than k)
 */
record SearchPeer(Figures faiss, Figures hnswlib, String hnswlibSettings, NpyFile.LongMatrix exactIds) {

    /** One method's figures: queries per second one at a time and in one batch, recall@k, build seconds. */
    record Figures(double singleQps, double batchQps, double recall, double buildSeconds) {
    }

    private static final String FIGURES = ": ([0-9.]+) q/s one at a time, ([0-9.]+) q/s batched, recall ([0-9.]+), build ([0-9.]+)s";
    private static final Pattern FAISS = Pattern.compile("faiss IndexFlatIP" + FIGURES);
    private static final Pattern HNSWLIB = Pattern.compile("hnswlib (M=\\d+ ef=\\d+)" + FIGURES);

    /**
     * Runs the peer on {@code vectors} and a copy of {@code queries} in {@code work} (the peer
     * saves its ids beside the queries file it is given, so the user's folder stays as it was).
     *
     * @throws IOException if the peer fails, prints no figures, or saves no ids
     */
    static SearchPeer run(List<String> python, Path script, Path vectors, Path queries, int k, int threads, Path work)
            throws IOException, InterruptedException {
        Path copy = work.resolve("queries.npy");
        Files.copy(queries, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new java.util.ArrayList<>(python);
        command.addAll(List.of(script.toString(), vectors.toString(), copy.toString(), Integer.toString(k), Integer.toString(threads)));
        String out = Peers.run(command, work.resolve("peer.log"));
        Matcher faiss = find(FAISS, out, "'faiss IndexFlatIP: ...' line");
        Matcher hnsw = find(HNSWLIB, out, "'hnswlib M=.. ef=..: ...' line");
        Path ids = work.resolve("queries.npy.topk.npy");
        if (!Files.isRegularFile(ids)) {
            throw new IOException("the peer " + script + " saved no FAISS ids at " + ids + "; its output: " + out.strip());
        }
        return new SearchPeer(figures(faiss, 1), figures(hnsw, 2), hnsw.group(1), NpyFile.readInt64(ids));
    }

    private static Matcher find(Pattern pattern, String out, String what) throws IOException {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IOException("the peer printed no " + what + "; its output: " + out.strip());
        }
        return m;
    }

    private static Figures figures(Matcher m, int first) {
        return new Figures(Double.parseDouble(m.group(first)), Double.parseDouble(m.group(first + 1)),
                Double.parseDouble(m.group(first + 2)), Double.parseDouble(m.group(first + 3)));
    }
}
