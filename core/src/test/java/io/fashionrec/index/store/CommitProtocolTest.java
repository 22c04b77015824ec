package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol: what a reader sees before, during and after a writer's work, what is
 * cleaned up when, and the lock between writers.
 */
class CommitProtocolTest {

    @TempDir
    Path dir;

    @Test
    void anUncommittedGenerationLeavesThePreviousOneReadableAndUnchanged() throws IOException {
        commitStamp(7);
        Map<String, byte[]> before = snapshot();
        try (IndexWriter writer = IndexWriter.open(dir)) {
            assertEquals(2, writer.generation());
            writer.addStrings("names", List.of("other"));
            writer.addBits("flags", new BitSet(), 3);
            DenseMatrixWriter half = writer.addDense("vectors", 2, 1, DenseEncoding.FLOAT32);
            half.addRow(new float[] {1});
            try (IndexReader reader = IndexReader.open(dir)) {
                assertEquals(7, StampedIndex.check(reader));
            }
            assertSameFiles(before, snapshot().entrySet().stream().filter(e -> !e.getKey().contains(".2."))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
        assertSameFiles(before, snapshot());
    }

    @Test
    void aCommitDeletesThePreviousGenerationAndOrphansButNotForeignFiles() throws IOException {
        commitStamp(1);
        // What crashed writers leave behind: parts of an uncommitted generation, unfinished temporary files.
        Files.writeString(dir.resolve("vectors.5.dense"), "orphan");
        Files.writeString(dir.resolve("names.5.strings.tmp"), "orphan");
        Files.writeString(dir.resolve("manifest.json.tmp"), "orphan");
        Files.writeString(dir.resolve("notes.txt"), "the user's own file");
        Files.createDirectory(dir.resolve("cache"));
        try (IndexWriter writer = IndexWriter.open(dir)) {
            assertEquals(6, writer.generation(), "a new generation never reuses a name a crashed writer left");
            StampedIndex.commit(writer, 2);
        }
        assertEquals(new TreeSet<>(Set.of("cache", "flags.6.bits", "manifest.json", "names.6.strings", "notes.txt", "terms.6.sparse",
                "vectors.6.dense", "write.lock")), fileNames());
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(6, reader.manifest().generation());
            assertEquals(2, StampedIndex.check(reader));
        }
    }

    /**
     * A part carried over keeps its earlier generation's file, which the commit's clean-up and an
     * abort leave alone; the manifest that names it is format version 2. A part of another
     * directory, or under another name, cannot be carried over.
     */
    @Test
    void aCarriedOverPartKeepsItsFileAcrossCommitsAndAborts() throws IOException {
        commitStamp(4);
        StoredPart vectors;
        try (IndexReader reader = IndexReader.open(dir)) {
            vectors = reader.stored("vectors");
        }
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.carryOver(vectors);
            writer.abort();
        }
        assertTrue(Files.exists(dir.resolve("vectors.1.dense")), "an abort deletes only what the writer wrote");
        long generation;
        try (IndexWriter writer = IndexWriter.open(dir)) {
            generation = writer.generation();
            writer.carryOver(vectors);
            writer.addStrings("names", List.of("a", "b"));
            Manifest manifest = writer.commit(JsonNodeFactory.instance.objectNode().put("stamp", 4));
            assertEquals(Manifest.FORMAT_VERSION, manifest.formatVersion());
        }
        assertEquals(new TreeSet<>(Set.of("manifest.json", "names." + generation + ".strings", "vectors.1.dense", "write.lock")), fileNames());
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"formatVersion\" : 2"));
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(generation, reader.manifest().generation());
            float[] row = new float[StampedIndex.COLS];
            reader.dense("vectors").copyRow(2, row, 0);
            assertEquals(StampedIndex.value(4, 2, 3), row[3]);
            reader.verifyChecksums();
        }

        Path other = dir.resolve("other");
        try (IndexWriter writer = IndexWriter.open(other)) {
            assertEquals(false, writer.canCarryOver(vectors), "a file of another directory");
            assertThrows(IllegalArgumentException.class, () -> writer.carryOver(vectors));
        }
        try (IndexWriter writer = IndexWriter.open(dir)) {
            StoredPart renamed = new StoredPart("image", vectors.file(), vectors.entry());
            assertEquals(false, writer.canCarryOver(renamed), "a file under another part's name");
        }
    }

    @Test
    void abortAndCloseWithoutCommitDeleteTheNewFiles() throws IOException {
        commitStamp(3);
        Map<String, byte[]> before = snapshot();
        IndexWriter writer = IndexWriter.open(dir);
        writer.addStrings("names", List.of("x"));
        DenseMatrixWriter unfinished = writer.addDense("vectors", 3, 2, DenseEncoding.FLOAT64);
        unfinished.addRow(new double[] {1, 2});
        writer.abort();
        assertSameFiles(before, snapshot());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.commit(JsonNodeFactory.instance.objectNode()));
        assertEquals("the writer of " + dir + " is aborted; open a new one for another generation", e.getMessage());
        unfinished.close(); // already abandoned with the writer: nothing left to finish
        writer.close();
        assertSameFiles(before, snapshot());
    }

    @Test
    void aSecondWriterIsRefusedUntilTheFirstCloses() {
        try (IndexWriter first = IndexWriter.open(dir)) {
            IndexFormatException e = assertThrows(IndexFormatException.class, () -> IndexWriter.open(dir));
            assertEquals("another fashionrec process is writing the index at " + dir + "; wait for it to finish or stop it, then try again",
                    e.getMessage());
            StampedIndex.commit(first, 1);
        }
        try (IndexWriter second = IndexWriter.open(dir)) {
            assertEquals(2, second.generation());
        }
    }

    @Test
    void aReaderKeepsItsGenerationAfterLaterCommits() {
        commitStamp(1);
        try (IndexReader old = IndexReader.open(dir)) {
            commitStamp(2);
            commitStamp(3);
            assertEquals(1, StampedIndex.check(old), "its files are deleted but still mapped");
            try (IndexReader current = IndexReader.open(dir)) {
                assertEquals(3, StampedIndex.check(current));
            }
        }
    }

    @Test
    void readersOpeningDuringCommitsAlwaysSeeOneCompleteGeneration() throws Exception {
        commitStamp(0);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int stamp = 1; stamp <= 40; stamp++) {
                    commitStamp(stamp);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        long last = 0;
        int opens = 0;
        while (writer.isAlive() || opens == 0) {
            try (IndexReader reader = IndexReader.open(dir)) {
                long stamp = StampedIndex.check(reader);
                assertEquals(stamp + 1, reader.manifest().generation(), "generation and stamp of one commit");
                assertTrue(stamp >= last, "opened stamp " + stamp + " after stamp " + last);
                last = stamp;
                opens++;
            }
        }
        writer.join();
        assertEquals(null, writerFailure.get());
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(40, StampedIndex.check(reader));
        }
    }

    @Test
    void oneReaderServesManyThreads() throws Exception {
        commitStamp(5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (IndexReader reader = IndexReader.open(dir, new ReaderOptions(64, Long.MAX_VALUE))) {
            List<Future<Long>> stamps = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                stamps.add(pool.submit(() -> StampedIndex.check(reader)));
            }
            for (Future<Long> stamp : stamps) {
                assertEquals(5, stamp.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aWriterReplacesADamagedOrOtherVersionIndex() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"fashionrec-index\", \"formatVersion\": 2, \"generation\": 9}");
        commitStamp(4);
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(1, reader.manifest().generation());
            assertEquals(4, StampedIndex.check(reader));
        }
    }

    @Test
    void theContentRoundTripsAndReadersHandOutCopies() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("products", 2000).putObject("encoder").put("name", "classic").put("dimension", 1024);
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.commit(content);
        }
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals(content, reader.content());
            reader.content().put("products", 1);
            assertEquals(2000, reader.content().get("products").intValue());
            assertEquals(Map.of(), reader.manifest().parts());
        }
    }

    @Test
    void partNamesAreCheckedAndUnique() {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            for (String bad : new String[] {"", "Image", "a.b", "../x", "-x", "x".repeat(65), "é"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.addStrings(bad, List.of()), bad);
                assertEquals("part name \"" + bad + "\" must be 1 to 64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit",
                        e.getMessage());
            }
            writer.addStrings("image_v2-1", List.of());
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> writer.addBits("image_v2-1", new BitSet(), 0));
            assertEquals("part \"image_v2-1\" is already in generation 1", taken.getMessage());
        }
    }

    @Test
    void aReaderIsUnusableAfterClose() {
        commitStamp(1);
        IndexReader reader = IndexReader.open(dir);
        reader.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.dense("vectors"));
        assertEquals("the reader of the index at " + dir + " is closed", e.getMessage());
    }

    private void commitStamp(long stamp) {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            StampedIndex.commit(writer, stamp);
        }
    }

    /** The bytes of every file but the lock, by name. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : fileNames()) {
            if (!name.equals(IndexFiles.LOCK_FILE)) {
                files.put(name, Files.readAllBytes(dir.resolve(name)));
            }
        }
        return files;
    }

    private Set<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }
}
