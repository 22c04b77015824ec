package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at a random moment (in a child JVM committing generations in a
 * loop) never leaves an index that fails to open or mixes generations: the directory opens as
 * the last generation the child reported committed, or a later one, and the next writer commits
 * and cleans up the leftovers. Reproduce a failure with the seed in its message.
 */
class CrashSafetyTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void killedWritersLeaveTheLastCommittedGenerationOrALaterOne() throws Exception {
        Random random = new Random(SEED);
        Path index = dir.resolve("index");
        try (IndexWriter writer = IndexWriter.open(index)) {
            StampedIndex.commit(writer, 0);
        }
        for (int kill = 1; kill <= KILLS; kill++) {
            long firstStamp = kill * 1_000_000L;
            int delayMillis = random.nextInt(60);
            String context = "seed " + SEED + ", kill " + kill + " (" + delayMillis + " ms after the first commit): ";
            Path stdout = dir.resolve("child-" + kill + ".out");
            Path stderr = dir.resolve("child-" + kill + ".err");
            Process child = startChild(index, firstStamp, stdout, stderr);
            // The child prints a stamp once its commit returned; kill it at a random moment after the first.
            while (Files.size(stdout) == 0) {
                assertTrue(child.isAlive(), context + "the child ended before its first commit: " + Files.readString(stderr));
                Thread.sleep(2);
            }
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            child.waitFor();
            // Stamps are printed in order from firstStamp, one a line; the kill may cut the last line short.
            String output = Files.readString(stdout);
            long started = output.chars().filter(c -> c == '\n').count() + (output.endsWith("\n") ? 0 : 1);
            long lastReported = firstStamp + started - 1;

            try (IndexReader reader = IndexReader.open(index)) {
                long stamp = StampedIndex.check(reader);
                reader.verifyChecksums();
                assertTrue(stamp >= lastReported, context + "opened stamp " + stamp + " but the child had committed " + lastReported);
            } catch (IndexFormatException e) {
                throw new AssertionError(context + "the index does not open: " + e.getMessage(), e);
            }

            long next = firstStamp + 999_999;
            long generation;
            try (IndexWriter writer = IndexWriter.open(index)) {
                generation = StampedIndex.commit(writer, next).generation();
            }
            try (IndexReader reader = IndexReader.open(index)) {
                assertEquals(next, StampedIndex.check(reader), context);
            }
            assertEquals(expectedFiles(generation), fileNames(index), context + "leftovers of the killed writer remain");
        }
    }

    private static Process startChild(Path index, long firstStamp, Path stdout, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                CrashLoopWriter.class.getName(), index.toString(), Long.toString(firstStamp));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private static Set<String> expectedFiles(long generation) {
        return new TreeSet<>(Set.of("manifest.json", "write.lock", "vectors." + generation + ".dense", "terms." + generation + ".sparse",
                "names." + generation + ".strings", "flags." + generation + ".bits"));
    }

    private static Set<String> fileNames(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
