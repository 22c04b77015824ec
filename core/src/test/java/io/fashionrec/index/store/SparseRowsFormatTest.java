package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fashionrec.feature.SparseVector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparse rows round-trip exactly, empty rows included; the writer refuses rows it cannot store. */
class SparseRowsFormatTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);

    @TempDir
    Path dir;

    @Test
    void randomRowsRoundTrip() {
        for (int i = 0; i < 60; i++) {
            long seed = SEED + i;
            String context = "seed " + seed + ": ";
            Random random = new Random(seed);
            int cols = random.nextInt(50);
            List<SparseVector> rows = new ArrayList<>();
            for (int r = random.nextInt(30); r > 0; r--) {
                rows.add(randomRow(random, cols));
            }
            Path index = dir.resolve("s" + i);
            write(index, cols, rows);
            try (IndexReader reader = IndexReader.open(index, new ReaderOptions(8 + 8 * random.nextInt(20), Long.MAX_VALUE))) {
                SparseRows read = reader.sparse("s");
                assertEquals(rows.size(), read.rows(), context);
                assertEquals(cols, read.cols(), context);
                assertEquals(rows.stream().mapToInt(SparseVector::nonZeros).sum(), read.nnz(), context);
                for (int r = 0; r < rows.size(); r++) {
                    assertEquals(rows.get(r), read.row(r), context + "row " + r);
                }
                assertThrows(IndexOutOfBoundsException.class, () -> read.row(rows.size()), context);
                // the bulk read, across chunk boundaries as small as one value
                assertEquals(rows, read.readAll().asList(), context + "readAll");
            }
        }
    }

    @Test
    void emptyRowsAndAnEmptyVocabulary() {
        write(dir, 0, List.of(SparseVector.EMPTY, SparseVector.EMPTY));
        try (IndexReader reader = IndexReader.open(dir)) {
            SparseRows read = reader.sparse("s");
            assertEquals(2, read.rows());
            assertEquals(0, read.cols());
            assertEquals(0, read.nnz());
            assertSame(SparseVector.EMPTY, read.row(1));
            assertEquals(List.of(SparseVector.EMPTY, SparseVector.EMPTY), read.readAll().asList());
        }
    }

    @Test
    void indicesOutsideTheVocabularyAreRefused() {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.addSparse("s", 3, List.of(new SparseVector(new int[] {1, 3}, new float[] {1, 1}))));
            assertEquals("row 0 of sparse part \"s\" has an index outside [0, 3): {1:1.0, 3:1.0}", e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> writer.addSparse("t", 3, List.of(new SparseVector(new int[] {-1}, new float[] {1}))));
            assertEquals(0, writer.commit(JsonNodeFactory.instance.objectNode()).parts().size(), "refused parts are not committed");
        }
    }

    @Test
    void rowsThatChangeBetweenPassesAreRefused() {
        List<SparseVector> first = List.of(new SparseVector(new int[] {0}, new float[] {1}));
        List<SparseVector> second = List.of(new SparseVector(new int[] {0, 1}, new float[] {1, 2}));
        Iterable<SparseVector> unstable = new Iterable<>() {
            private int passes;

            @Override
            public Iterator<SparseVector> iterator() {
                return (passes++ == 0 ? first : second).iterator();
            }
        };
        try (IndexWriter writer = IndexWriter.open(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.addSparse("s", 2, unstable));
            assertTrue(e.getMessage().startsWith("the rows of sparse part \"s\" changed between iterations"), e.getMessage());
        }
    }

    private static SparseVector randomRow(Random random, int cols) {
        TreeMap<Integer, Float> entries = new TreeMap<>();
        int n = cols == 0 || random.nextInt(4) == 0 ? 0 : random.nextInt(Math.min(cols, 12) + 1);
        while (entries.size() < n) {
            entries.put(random.nextInt(cols), (float) random.nextGaussian());
        }
        int[] indices = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[n];
        int k = 0;
        for (float v : entries.values()) {
            values[k++] = v;
        }
        return new SparseVector(indices, values);
    }

    private static void write(Path index, int cols, List<SparseVector> rows) {
        try (IndexWriter writer = IndexWriter.open(index)) {
            writer.addSparse("s", cols, rows);
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
    }
}
