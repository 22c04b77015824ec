package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bit sets of any size, including word boundaries, round-trip exactly. */
class BitSetFormatTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);

    @TempDir
    Path dir;

    @Test
    void randomBitSetsRoundTrip() {
        int[] sizes = {0, 1, 63, 64, 65, 127, 128, 129, 1000};
        for (int i = 0; i < 60; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            int size = i < sizes.length ? sizes[i] : random.nextInt(600);
            BitSet bits = new BitSet();
            double density = random.nextDouble();
            for (int b = 0; b < size; b++) {
                bits.set(b, random.nextDouble() < density);
            }
            Path index = dir.resolve("b" + i);
            try (IndexWriter writer = IndexWriter.open(index)) {
                writer.addBits("b", bits, size);
                writer.commit(JsonNodeFactory.instance.objectNode());
            }
            try (IndexReader reader = IndexReader.open(index, new ReaderOptions(8 + 8 * random.nextInt(4), Long.MAX_VALUE))) {
                Bits read = reader.bits("b");
                assertEquals(size, read.size(), "seed " + seed);
                assertEquals(bits.cardinality(), read.cardinality(), "seed " + seed);
                for (int b = 0; b < size; b++) {
                    assertEquals(bits.get(b), read.get(b), "seed " + seed + ", bit " + b);
                }
                assertThrows(IndexOutOfBoundsException.class, () -> read.get(size), "seed " + seed);
            }
        }
    }

    @Test
    void aSetBitBeyondTheSizeIsRefused() {
        BitSet bits = new BitSet();
        bits.set(10);
        try (IndexWriter writer = IndexWriter.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.addBits("b", bits, 10));
            assertEquals("bit part \"b\" has size 10 but bits set up to index 10; the size must cover every set bit", e.getMessage());
        }
    }
}
