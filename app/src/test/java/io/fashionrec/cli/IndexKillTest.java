package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.index.store.IndexFormatException;
import io.fashionrec.index.store.IndexReader;
import io.fashionrec.index.store.Manifest;
import io.fashionrec.synthetic.CatalogGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fashionrec index}, run in its own JVM over an index of an older catalog and killed with
 * SIGKILL at random moments (from start-up to the commit), always leaves either exactly the old
 * index or exactly the new one; and the next run finishes the job, reusing every embedding the
 * killed run had finished and re-embedding only the rest, whatever leftovers the kill left.
 *
 * <p>Kills are aimed in turn at the whole run, at the embedding phase (every other kill) and at
 * the writing phase (found from the progress bar the child draws on stderr, timed by a first
 * unkilled run that also watches the embedding cache grow), at a random delay inside the aimed span. Reproduce a failure with the seed in its message
 * ({@code -Dfashionrec.kill.seed=...}).
 */
class IndexKillTest {

    private static final long SEED = Long.getLong("fashionrec.kill.seed", System.nanoTime());
    private static final int KILLS = 20;
    /** A run may end before its kill when it goes faster than the timed one; it is checked all the same, and another is started. */
    private static final int MAX_RUNS = KILLS + 10;
    private static final int PRODUCTS = 150;
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final Pattern PART_FILE = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.([0-9]+)\\.(dense|sparse|strings|bits)(\\.tmp)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where in the run a kill is aimed. */
    private enum Aim { ANYWHERE, EMBEDDING, WRITING }

    /** Half the kills go to the embedding, where a resumption has something to show. */
    private static final Aim[] AIMS = {Aim.ANYWHERE, Aim.EMBEDDING, Aim.WRITING, Aim.EMBEDDING};

    /** Where the run was when killed, as the directory shows it. */
    private enum Stage {
        /** Before any new vector reached the cache. */
        STARTING,
        /** New vectors in the cache, no file of the new generation yet. */
        EMBEDDING,
        /** Files of the new generation written, not committed. */
        WRITING,
        /** The new generation committed. */
        COMMITTED
    }

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void aKilledRunLeavesTheOldOrTheNewIndexAndTheNextRunResumes() throws Exception {
        String seed = "seed " + SEED + " (-Dfashionrec.kill.seed=" + SEED + ")";
        Path catalog = tmp.resolve("catalog");
        Path pristine = tmp.resolve("old-index");
        generate(catalog, 1);
        indexInProcess(catalog, pristine);
        Snapshot old = Snapshot.of(pristine);
        Set<String> oldPhotos = cachedKeys(pristine);
        // The same directory with other contents: the rebuild sees a changed catalog at the same path.
        generate(catalog, 2);
        Path reference = tmp.resolve("reference");
        indexInProcess(catalog, reference);
        Snapshot fresh = Snapshot.of(reference);
        assertNotEquals(old, fresh, "the changed catalog must give another index");
        List<String> newPhotos = photoKeys(catalog);
        assertTrue(newPhotos.stream().noneMatch(oldPhotos::contains),
                "the changed catalog must share no photo with the old one, or a reuse would not prove a resumption");

        Path index = tmp.resolve("index");
        restore(pristine, index);
        Timing timing = timeOneRun(catalog, index);
        assertEquals(fresh, Snapshot.of(index), "an unkilled run in its own JVM builds the reference index");

        Random random = new Random(SEED);
        Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        int partlyResumed = 0;
        int killed = 0;
        List<String> log = new ArrayList<>();
        for (int kill = 0; killed < KILLS && kill < MAX_RUNS; kill++) {
            restore(pristine, index);
            Aim aim = AIMS[kill % AIMS.length];
            long span = switch (aim) {
                case ANYWHERE -> timing.total();
                case EMBEDDING -> timing.embedding();
                case WRITING -> timing.writing();
            };
            long delay = (long) (random.nextDouble() * span);
            String context = seed + ", kill " + kill + " (" + aim + " + " + delay + " ms, " + timing + "): ";
            Path stderr = tmp.resolve("child-" + kill + ".err");
            Process child = startChild(catalog, index, stderr);
            String marker = switch (aim) {
                case ANYWHERE -> null;
                case EMBEDDING -> "embedding images";
                case WRITING -> "writing index";
            };
            while (marker != null && child.isAlive() && !Files.readString(stderr).contains(marker)) {
                Thread.sleep(1);
            }
            Thread.sleep(delay);
            child.destroyForcibly();
            int exit = child.waitFor();
            if (exit == SIGKILL_EXIT) {
                killed++;
            } else {
                assertEquals(0, exit, context + "the child failed before the kill: " + Files.readString(stderr));
            }

            Snapshot after = snapshotOrFail(index, context);
            Stage stage = stage(index, old, fresh, after, newPhotos);
            assertTrue(after.equals(old) || after.equals(fresh), context + "the index is neither the old nor the new one");
            stages.merge(stage, 1, Integer::sum);
            int finished = countCached(index, newPhotos);

            JsonNode summary = indexInProcess(catalog, index);
            int reused = summary.path("imagesReused").asInt();
            log.add(kill + " " + aim + "+" + delay + "ms exit " + exit + " " + stage + " reused " + reused);
            assertEquals(finished, reused, context + "the next run must reuse exactly the embeddings the killed run finished");
            assertEquals(PRODUCTS, summary.path("imagesEmbedded").asInt() + reused, context + "every photo embedded or reused");
            assertEquals(0, summary.path("imagesFailed").asInt(), context);
            assertEquals(fresh, Snapshot.of(index), context + "the run after the kill must build the reference index");
            assertNoLeftovers(index, context);
            if (stage == Stage.EMBEDDING && reused > 0 && reused < PRODUCTS) {
                partlyResumed++;
            }
        }
        String report = seed + ", " + timing + ", stages " + stages + ", runs resumed mid-embedding " + partlyResumed + "\n"
                + String.join("\n", log);
        System.out.println("IndexKillTest: " + report);
        assertEquals(KILLS, killed, "runs killed (the others finished before their kill): " + report);
        assertTrue(partlyResumed >= 2, "at least two kills must land mid-embedding and be resumed: " + report);
        assertTrue(stages.getOrDefault(Stage.WRITING, 0) >= 1, "at least one kill must land while the index is written: " + report);
    }

    /** The milliseconds of a whole run in its own JVM, of its embedding phase and of its writing phase (to the exit). */
    private record Timing(long total, long embedding, long writing) {

        @Override
        public String toString() {
            return "a run takes " + total + " ms, embedding " + embedding + " ms, writing " + writing + " ms";
        }
    }

    /**
     * Times one unkilled run: its whole length, its embedding (from the progress bar's start until
     * the cache holds every new photo, which the cache's growth shows: records have a fixed size)
     * and its writing. The embedding bar stays up through the fit and the graph that follow, so
     * the bar alone would aim most "embedding" kills after the last photo was cached.
     */
    private Timing timeOneRun(Path catalog, Path index) throws Exception {
        Path cache = onlyCache(index);
        long cachedAll = Files.size(cache) + (long) PRODUCTS * recordBytes(cache);
        Path stderr = tmp.resolve("timed.err");
        long start = System.nanoTime();
        Process child = startChild(catalog, index, stderr);
        long embedding = -1;
        long embedded = -1;
        long writing = -1;
        while (child.isAlive()) {
            String err = Files.readString(stderr);
            long now = System.nanoTime();
            if (embedding < 0 && err.contains("embedding images")) {
                embedding = now;
            }
            if (embedding > 0 && embedded < 0 && sizeOrZero(cache) >= cachedAll) {
                embedded = now;
            }
            if (writing < 0 && err.contains("writing index")) {
                writing = now;
            }
            Thread.sleep(1);
        }
        long end = System.nanoTime();
        assertEquals(0, child.waitFor(), "the timed run failed: " + Files.readString(stderr));
        assertTrue(embedding > 0 && writing > embedding, "the child drew no progress bar for both phases: " + Files.readString(stderr));
        // Not seen only if the cache was compacted within a poll of its last record: then the bar's span stands.
        long embeddingEnd = embedded > 0 ? embedded : writing;
        return new Timing((end - start) / 1_000_000, Math.max(1, (embeddingEnd - embedding) / 1_000_000), (end - writing) / 1_000_000);
    }

    /** The one embedding cache file of {@code index}. */
    private static Path onlyCache(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index.resolve(CatalogIndexing.EMBEDDINGS))) {
            List<Path> caches = files.filter(f -> f.getFileName().toString().endsWith(".cache")).toList();
            assertEquals(1, caches.size(), "one encoder, one cache file: " + caches);
            return caches.get(0);
        }
    }

    /** The size of one record of {@code cache}: key, vector of the header's dimension, CRC-32 (see {@link #cachedKeys}). */
    private static int recordBytes(Path cache) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(cache), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        return 32 + 4 * header.getInt(8) + 4;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Process startChild(Path catalog, Path index, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                // The progress bar is what tells the test which phase the child is in.
                "-Dfashionrec.stderr.tty=true",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "index", "--catalog", catalog.toString(), "--index", index.toString(), "--graph", "always");
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    }

    private static void generate(Path catalog, long seed) throws IOException {
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(seed).optImageSize(64, 64).build().generate(catalog);
    }

    private static JsonNode indexInProcess(Path catalog, Path index) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"index", "--catalog", catalog.toString(), "--index", index.toString(), "--graph", "always", "--json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, "index " + catalog + " into " + index + " failed: " + err);
        return JSON.readTree(out.toString());
    }

    private static Snapshot snapshotOrFail(Path index, String context) throws IOException {
        try {
            return Snapshot.of(index);
        } catch (IndexFormatException e) {
            throw new AssertionError(context + "the index does not load: " + e.getMessage(), e);
        }
    }

    /**
     * What an index holds, apart from its generation number: the product ids as
     * {@link ProductIndexFormat#read} gives them, the SHA-256 of every part file by part name, and
     * the manifest's content document. The {@code photos} part is left out: it records whether
     * each photo file was read long enough after its last change to be trusted by the next build,
     * which depends on when the build ran.
     */
    private record Snapshot(List<String> ids, Map<String, String> parts, String content) {

        static Snapshot of(Path dir) throws IOException {
            ProductIndex index = ProductIndexFormat.read(dir);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < index.size(); i++) {
                ids.add(index.products().id(i));
            }
            Map<String, String> parts = new TreeMap<>();
            String content;
            try (IndexReader reader = IndexReader.open(dir)) {
                Manifest manifest = reader.manifest();
                for (var part : manifest.parts().entrySet()) {
                    // The graph is built by concurrent threads, so its bytes differ from run to run; reading
                    // the index above checked its checksum and that it fits the products.
                    if (part.getKey().equals("photos") || part.getKey().equals("graph")) {
                        continue;
                    }
                    parts.put(part.getKey(), sha256(Files.readAllBytes(dir.resolve(part.getValue().file()))));
                }
                content = manifest.content().toString();
            }
            return new Snapshot(ids, parts, content);
        }
    }

    private static Stage stage(Path index, Snapshot old, Snapshot fresh, Snapshot now, List<String> newPhotos) throws IOException {
        if (now.equals(fresh)) {
            return Stage.COMMITTED;
        }
        long committed;
        try (IndexReader reader = IndexReader.open(index)) {
            committed = reader.manifest().generation();
        }
        try (Stream<Path> files = Files.list(index)) {
            boolean newGeneration = files.map(f -> f.getFileName().toString()).anyMatch(name -> {
                Matcher m = PART_FILE.matcher(name);
                return name.equals(Manifest.FILE_NAME + ".tmp") || m.matches() && Long.parseLong(m.group(1)) > committed;
            });
            if (newGeneration) {
                return Stage.WRITING;
            }
        }
        return countCached(index, newPhotos) > 0 ? Stage.EMBEDDING : Stage.STARTING;
    }

    /** Only the committed generation's files, the manifest, the lock and one cache file remain. */
    private static void assertNoLeftovers(Path index, String context) throws IOException {
        Set<String> expected = new HashSet<>(Set.of(Manifest.FILE_NAME, "write.lock", CatalogIndexing.EMBEDDINGS));
        try (IndexReader reader = IndexReader.open(index)) {
            reader.manifest().parts().values().forEach(part -> expected.add(part.file()));
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(index)) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        assertEquals(expected, present, context + "leftovers in the index directory");
        try (Stream<Path> files = Files.list(index.resolve(CatalogIndexing.EMBEDDINGS))) {
            List<String> caches = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(caches.size() == 1 && caches.get(0).endsWith(".cache"), context + "leftovers in the cache directory: " + caches);
        }
    }

    /** How many products of the new catalog have their photo in the index's embedding cache. */
    private static int countCached(Path index, List<String> photos) throws IOException {
        Set<String> cached = cachedKeys(index);
        return (int) photos.stream().filter(cached::contains).count();
    }

    /**
     * The photo keys of the intact records of the index's embedding cache, read independently of
     * {@code EmbeddingCache} from its documented format: a 44-byte header (magic, version,
     * dimension, descriptor hash), then records of key, vector and CRC-32, up to the first torn or
     * damaged one.
     */
    private static Set<String> cachedKeys(Path index) throws IOException {
        Set<String> keys = new HashSet<>();
        Path dir = index.resolve(CatalogIndexing.EMBEDDINGS);
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        List<Path> caches;
        try (Stream<Path> files = Files.list(dir)) {
            caches = files.filter(f -> f.getFileName().toString().endsWith(".cache")).toList();
        }
        for (Path cache : caches) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(cache)).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.limit() < 44) {
                continue;
            }
            int recordBytes = 32 + 4 * bytes.getInt(8) + 4;
            CRC32 crc = new CRC32();
            for (int at = 44; at + recordBytes <= bytes.limit(); at += recordBytes) {
                crc.reset();
                crc.update(bytes.array(), at, recordBytes - 4);
                if ((int) crc.getValue() != bytes.getInt(at + recordBytes - 4)) {
                    break;
                }
                keys.add(HexFormat.of().formatHex(bytes.array(), at, at + 32));
            }
        }
        return keys;
    }

    /** The SHA-256 of each product's photo, in id order (every synthetic product has one). */
    private static List<String> photoKeys(Path catalog) throws IOException {
        List<String> keys = new ArrayList<>();
        for (int id = 1; id <= PRODUCTS; id++) {
            keys.add(sha256(Files.readAllBytes(catalog.resolve("images").resolve(id + ".jpg"))));
        }
        return keys;
    }

    private static void restore(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> files = Files.walk(to)) {
                for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(f);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
