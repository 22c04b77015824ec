package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.index.ProductTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How fast 'fashionrec serve' starts on an index, and how much memory it holds.",
            "Launches the server in a child process, times it from spawn until /health and until a real similar-products request "
                    + "answers, times a few more requests, reads the child's resident memory (VmRSS and its peak VmHWM, from /proc), "
                    + "then stops it."})
final class StartBenchCommand implements Callable<Integer> {

    /** How often the child is asked whether it answers yet: fine enough for a start measured in seconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    @Mixin
    Streams streams;

    @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index to serve.")
    Path index;

    @Option(names = "--search", paramLabel = "KIND", defaultValue = "auto",
            description = "The server's --search: exact, approximate or auto (default: ${DEFAULT-VALUE}).")
    String search;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "10",
            description = "Similar-products requests timed after the first answer, for the median (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Seconds to wait for the first answer before giving up (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    /**
     * What one start measured; times in seconds from the spawn, latencies in milliseconds, memory
     * in KiB as {@code /proc/<pid>/status} gives it (-1 when unknown): the resident set, its peak,
     * and the resident set's two parts, anonymous (the heap and the JVM's own) and file-backed (the
     * index's memory-mapped pages, shared with the page cache and dropped first under pressure).
     */
    record Figures(double healthSeconds, double firstAnswerSeconds, double firstAnswerMillis, double medianAnswerMillis,
                   long vmRssKib, long vmHwmKib, long rssAnonKib, long rssFileKib) {
    }

    @Override
    public Integer call() throws Exception {
        SearchKinds.parse(search);
        if (queries < 1 || timeout < 1) {
            throw new BadOptionException("--queries and --timeout must be at least 1, got " + queries + " and " + timeout);
        }
        // The ids are read here, before the child starts, so the child's start pays for nothing of the parent's.
        ProductTable products = ProductIndexFormat.readProducts(index);
        if (products.size() == 0) {
            throw new BadOptionException(index + " holds no product; a start benchmark needs one to ask about");
        }
        List<String> paths = new ArrayList<>();
        for (int q = 0; q <= queries; q++) {
            String id = products.id((int) ((long) products.size() * q / (queries + 1)));
            paths.add("/api/products/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/similar?k=10");
        }
        Path log = Files.createTempFile("fashionrec-start-", ".log");
        try {
            Figures figures = measure(paths, log);
            report(products.size(), figures);
            Files.delete(log);
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CommandFailure("the server did not start as measured: " + e.getMessage() + "; its log is " + log);
        }
    }

    private Figures measure(List<String> paths, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = Peers.fashionrec("serve", "--index", index.toString(), "--port", Integer.toString(port), "--search", search);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long spawned = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = spawned + Duration.ofSeconds(timeout).toNanos();
            while (get(http, base + "/health") != 200) {
                if (!child.isAlive()) {
                    throw new IOException("'fashionrec serve' exited with " + child.exitValue() + " before answering");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no answer from /health within " + timeout + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
            double health = (System.nanoTime() - spawned) / 1e9;
            long asked = System.nanoTime();
            int status = get(http, base + paths.get(0));
            long answered = System.nanoTime();
            if (status != 200) {
                throw new IOException("the first similar-products request, " + paths.get(0) + ", answered " + status);
            }
            double[] latencies = new double[paths.size() - 1];
            for (int q = 1; q < paths.size(); q++) {
                long t = System.nanoTime();
                status = get(http, base + paths.get(q));
                if (status != 200) {
                    throw new IOException("the similar-products request " + paths.get(q) + " answered " + status);
                }
                latencies[q - 1] = (System.nanoTime() - t) / 1e6;
            }
            Path proc = Path.of("/proc", Long.toString(child.pid()), "status");
            return new Figures(health, (answered - spawned) / 1e9, (answered - asked) / 1e6, Peers.median(latencies),
                    memoryKib(proc, "VmRSS"), memoryKib(proc, "VmHWM"), memoryKib(proc, "RssAnon"), memoryKib(proc, "RssFile"));
        } finally {
            child.destroy();
            if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    /** The status of a GET, or -1 while nothing listens yet. */
    private static int get(HttpClient http, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A {@code VmRSS}-style line of {@code /proc/<pid>/status} in KiB, or -1 where there is no such
     * file (not Linux): the figure is then reported as unknown rather than failing the benchmark.
     */
    static long memoryKib(Path status, String field) {
        if (!Files.isRegularFile(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    private void report(int products, Figures f) {
        String load = loadAverage();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("index", index.toString());
            doc.put("products", products);
            doc.put("search", search);
            doc.put("answered", true);
            doc.put("healthSeconds", round3(f.healthSeconds()));
            doc.put("firstAnswerSeconds", round3(f.firstAnswerSeconds()));
            doc.put("firstAnswerMillis", round3(f.firstAnswerMillis()));
            doc.put("queries", queries);
            doc.put("medianAnswerMillis", round3(f.medianAnswerMillis()));
            doc.put("vmRssMiB", mib(f.vmRssKib()));
            doc.put("vmHwmMiB", mib(f.vmHwmKib()));
            doc.put("rssAnonMiB", mib(f.rssAnonKib()));
            doc.put("rssFileMiB", mib(f.rssFileKib()));
            doc.put("loadAverage", load);
            doc.put("machine", Machine.describe());
            doc.put("date", LocalDate.now().toString());
            Json.print(streams.out(), doc);
        } else {
            streams.out().printf(Locale.ROOT, "serve --search %s on %d products: /health after %.2f s, first similar answer after %.2f s"
                            + " (that request %.1f ms; median of %d more %.1f ms); resident %.0f MiB (%.0f anonymous, %.0f mapped files), peak %.0f MiB"
                            + "  [%s, load %s, %s]%n",
                    search, products, f.healthSeconds(), f.firstAnswerSeconds(), f.firstAnswerMillis(), queries, f.medianAnswerMillis(),
                    mib(f.vmRssKib()), mib(f.rssAnonKib()), mib(f.rssFileKib()), mib(f.vmHwmKib()), Machine.describe(), load, LocalDate.now());
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double mib(long kib) {
        return kib < 0 ? -1 : Math.round(kib / 1024.0 * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
