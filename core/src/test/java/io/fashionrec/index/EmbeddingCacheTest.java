package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fashionrec.feature.EncoderDescriptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    private static final EncoderDescriptor ENCODER = new EncoderDescriptor("test", 1, 4, "none", "abc");

    @TempDir
    Path dir;

    private static EmbeddingCache.Key key(int i) {
        return EmbeddingCache.Key.of(("photo " + i).getBytes());
    }

    private static float[] vector(int i) {
        return new float[] {i, -i, i * 0.5f, 1f / (i + 1)};
    }

    /** Enough records that reopening reads the keys in several chunks on several threads. */
    @Test
    void vectorsSurviveReopening() {
        int records = 5000;
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            for (int i = 0; i < records; i++) {
                cache.put(key(i), vector(i));
            }
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            assertEquals(records, cache.size());
            for (int i = 0; i < records; i++) {
                assertArrayEquals(vector(i), cache.get(key(i)), "vector " + i);
            }
            assertNull(cache.get(key(records)));
        }
    }

    @Test
    void aRecordTornByACrashIsCutOffAndAppendingGoesOn() throws IOException {
        Path file;
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            cache.put(key(1), vector(1));
            cache.put(key(2), vector(2));
            file = cache.file();
        }
        long size = Files.size(file);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            out.truncate(size - 10);
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            assertEquals(1, cache.size(), "the torn second record is gone");
            cache.put(key(3), vector(3));
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            assertArrayEquals(vector(1), cache.get(key(1)));
            assertNull(cache.get(key(2)));
            assertArrayEquals(vector(3), cache.get(key(3)), "appended after the cut");
        }
    }

    @Test
    void aDamagedRecordIsAbsentTheOthersStayReadableAndItCanBeWrittenAgain() throws IOException {
        Path file;
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            for (int i = 0; i < 5; i++) {
                cache.put(key(i), vector(i));
            }
            file = cache.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        int recordBytes = 32 + 4 * 4 + 4;
        bytes[44 + 2 * recordBytes + 40] ^= 0x55;
        Files.write(file, bytes);
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            assertNull(cache.get(key(2)), "a record failing its CRC is a miss, not an error");
            assertArrayEquals(vector(3), cache.get(key(3)), "records after it stay readable");
            cache.put(key(2), vector(2));
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            assertArrayEquals(vector(2), cache.get(key(2)), "the record written again replaces the damaged one");
        }
    }

    /**
     * A process killed (SIGKILL) mid-build never closes its cache: every vector put before must
     * already be in the file, or the next build redoes finished photos. Read here from a copy, as
     * the next process would, while this one still holds the cache open.
     */
    @Test
    void aVectorIsInTheFileAsSoonAsPutReturnsWithoutClosing() throws IOException {
        Path copy = dir.resolve("after-kill");
        EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER);
        try {
            cache.put(key(1), vector(1));
            cache.put(key(2), vector(2));
            Files.createDirectories(copy);
            Files.copy(cache.file(), copy.resolve(cache.file().getFileName()));
        } finally {
            cache.close();
        }
        try (EmbeddingCache next = EmbeddingCache.open(copy, ENCODER)) {
            assertEquals(2, next.size());
            assertArrayEquals(vector(2), next.get(key(2)));
        }
    }

    @Test
    void anotherEncoderUsesAnotherFileAndCompactionKeepsOnlyWhatIsAsked() {
        EncoderDescriptor other = new EncoderDescriptor("test", 1, 4, "none", "def");
        try (EmbeddingCache a = EmbeddingCache.open(dir, ENCODER); EmbeddingCache b = EmbeddingCache.open(dir, other)) {
            assertNotEquals(a.file(), b.file());
            a.put(key(1), vector(1));
            assertNull(b.get(key(1)), "a model change embeds again");
            a.put(key(2), vector(2));
            a.put(key(3), vector(3));
            a.retainOnly(Set.of(key(1), key(3)));
            a.put(key(4), vector(4));
        }
        try (EmbeddingCache a = EmbeddingCache.open(dir, ENCODER)) {
            assertEquals(3, a.size());
            assertNull(a.get(key(2)));
            assertArrayEquals(vector(4), a.get(key(4)), "appends after compaction are kept");
        }
    }

    @Test
    void deadVectorsAreDroppedOnlyOnceTheyAreMoreThanAQuarterOfTheFile() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER)) {
            for (int i = 0; i < 8; i++) {
                cache.put(key(i), vector(i));
            }
            long full = Files.size(cache.file());
            cache.retainOnly(Set.of(key(0), key(1), key(2), key(3), key(4), key(5), key(6)));
            assertEquals(full, Files.size(cache.file()), "one dead record in eight is not worth rewriting the file");
            assertArrayEquals(vector(7), cache.get(key(7)), "and stays readable");
            cache.retainOnly(Set.of(key(0), key(1), key(2), key(3), key(4)));
            assertEquals(5, cache.size(), "three in eight are");
            assertNull(cache.get(key(7)));
            long record = (full - 44) / 8;
            assertEquals(44 + 5 * record, Files.size(cache.file()));
        }
    }

    @Test
    void manyRandomVectorsRoundTrip() {
        long seed = 17;
        Random random = new Random(seed);
        EncoderDescriptor wide = new EncoderDescriptor("wide", 1, 1024, "x", "");
        float[][] vectors = new float[300][1024];
        try (EmbeddingCache cache = EmbeddingCache.open(dir, wide)) {
            for (int i = 0; i < vectors.length; i++) {
                for (int k = 0; k < 1024; k++) {
                    vectors[i][k] = (float) random.nextGaussian();
                }
                cache.put(key(i), vectors[i]);
            }
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, wide)) {
            for (int i = 0; i < vectors.length; i++) {
                assertArrayEquals(vectors[i], cache.get(key(i)), "vector " + i + " seed " + seed);
            }
        }
    }
}
