package io.fashionrec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time an incremental 'fashionrec index' against a full build of the same catalog.",
            "Works on a hard-linked copy of the catalog (the catalog itself is never written): builds a full index, copies it, "
                    + "changes --share of the products (a third removed, a third renamed or given a new photo, a third added "
                    + "with new photos), then updates the copy. Both runs are child processes timed from spawn to exit; "
                    + "the ratio is update wall seconds / full build wall seconds. The load average is taken before the runs."})
final class UpdateBenchCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Option(names = "--catalog", paramLabel = "DIR", required = true,
            description = "A catalog directory: styles.csv and images/, or products.jsonl. It is read, never written.")
    Path catalog;

    @Option(names = "--share", paramLabel = "F", defaultValue = "0.01",
            description = "The share of the products to change, in (0, 0.5] (default: ${DEFAULT-VALUE}).")
    double share;

    @Option(names = "--image-model", paramLabel = "M", description = "Passed to both index runs (default: index's default).")
    String imageModel;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Picks the products to change (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Work in DIR (which must not exist) and keep it: the edited catalog, both indexes and the children's logs.")
    Path keep;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** One timed index run: the parent's wall seconds and the child's own summary. */
    private record Run(double wallSeconds, JsonNode summary) {
    }

    @Override
    public Integer call() throws Exception {
        if (!(share > 0 && share <= 0.5)) {
            throw new BadOptionException("--share must be in (0, 0.5], got " + share);
        }
        if (!Files.exists(catalog)) {
            throw new BadOptionException("--catalog " + catalog + " does not exist: give a catalog directory (styles.csv and images/, "
                    + "or products.jsonl)");
        }
        if (keep != null && Files.exists(keep)) {
            throw new BadOptionException("--keep " + keep + " already exists; name a directory to create");
        }
        // Taken before the children run: afterwards the 1-minute figure is mostly their own load.
        String load = StartBenchCommand.loadAverage();
        Path work = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("fashionrec-bench-update");
        try {
            WorkingCatalog copy = WorkingCatalog.copy(catalog, work.resolve("catalog"));
            Path full = work.resolve("full");
            Run fullRun = index(copy.directory(), full, work.resolve("full.log"));
            Path updated = work.resolve("updated");
            copyTree(full, updated);
            WorkingCatalog.Edits edits = copy.edit(share, seed);
            streams.err().printf(Locale.ROOT, "edited the copy: %d removed, %d renamed, %d with a new photo, %d added%n", edits.removed(),
                    edits.renamed(), edits.newPhoto(), edits.added());
            streams.err().flush();
            Run updateRun = index(copy.directory(), updated, work.resolve("update.log"));
            report(edits, fullRun, updateRun, load);
        } finally {
            if (keep == null) {
                PeerOptions.deleteScratch(work);
            }
        }
        return ExitCodes.OK;
    }

    private Run index(Path catalogCopy, Path index, Path log) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("index", "--catalog", catalogCopy.toString(), "--index", index.toString(), "--json"));
        if (imageModel != null) {
            args.addAll(List.of("--image-model", imageModel));
        }
        long start = System.nanoTime();
        String out = Peers.run(Peers.fashionrec(args.toArray(String[]::new)), log);
        double wall = (System.nanoTime() - start) / 1e9;
        return new Run(wall, Json.MAPPER.readTree(out));
    }

    /** Copies a directory tree (the index with its embeddings/), so the update starts from the full build's files. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** @param load the load average before the runs */
    private void report(WorkingCatalog.Edits edits, Run full, Run update, String load) {
        double ratio = update.wallSeconds() / full.wallSeconds();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("benchmark", "update");
            doc.put("catalog", catalog.toString());
            doc.put("products", edits.products());
            doc.put("share", share);
            doc.put("seed", seed);
            ObjectNode made = doc.putObject("changed");
            made.put("added", edits.added());
            made.put("changed", edits.changed());
            made.put("renamed", edits.renamed());
            made.put("newPhoto", edits.newPhoto());
            made.put("removed", edits.removed());
            putRun(doc.putObject("full"), full);
            ObjectNode u = putRun(doc.putObject("update"), update);
            u.set("changes", update.summary().path("changes"));
            doc.put("ratio", round3(ratio));
            doc.put("date", LocalDate.now().toString());
            doc.put("machine", Machine.describe());
            doc.put("loadAverage", load);
            Json.print(streams.out(), doc);
        } else {
            JsonNode changes = update.summary().path("changes");
            streams.out().printf(Locale.ROOT, "%d products; changed %.4g%% of them: %d removed, %d renamed, %d with a new photo, %d added%n",
                    edits.products(), share * 100, edits.removed(), edits.renamed(), edits.newPhoto(), edits.added());
            streams.out().printf(Locale.ROOT, "%-8s %10s %10s %10s %14s%n", "run", "wall s", "index s", "embedded", "graph s");
            printRow("full", full);
            printRow("update", update);
            streams.out().printf(Locale.ROOT, "update / full: %.1f%%  (the update saw %s added, %s changed, %s removed)  [%s, load %s, %s]%n",
                    ratio * 100, changes.path("added").asText("?"), changes.path("changed").asText("?"), changes.path("removed").asText("?"),
                    Machine.describe(), load, LocalDate.now());
        }
    }

    private static ObjectNode putRun(ObjectNode node, Run run) {
        node.put("wallSeconds", round3(run.wallSeconds()));
        node.set("indexSeconds", run.summary().path("seconds"));
        node.set("imagesEmbedded", run.summary().path("imagesEmbedded"));
        node.set("graph", run.summary().path("graph"));
        return node;
    }

    private void printRow(String name, Run run) {
        streams.out().printf(Locale.ROOT, "%-8s %10.2f %10.2f %10d %14s%n", name, run.wallSeconds(), run.summary().path("seconds").asDouble(),
                run.summary().path("imagesEmbedded").asInt(), run.summary().path("graph").path("seconds").asText("-"));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
