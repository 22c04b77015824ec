package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dense matrices written through {@link IndexWriter} read back bit for bit through every accessor,
 * with map chunks small enough that most matrices span several. Reproduce a failure with the seed
 * in its message.
 */
class DenseMatrixFormatTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);

    @TempDir
    Path dir;

    @Test
    void float32MatricesRoundTripThroughEveryAccessor() {
        for (int i = 0; i < 40; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            float[][] rows = randomFloats(random, random.nextInt(40), 1 + random.nextInt(17));
            ReaderOptions options = new ReaderOptions(8 + random.nextInt(300), Long.MAX_VALUE);
            Path index = dir.resolve("f32-" + i);
            writeFloat32(index, rows, rows.length == 0 ? 1 + random.nextInt(9) : rows[0].length);
            try (IndexReader reader = IndexReader.open(index, options)) {
                checkFloat32(reader.dense("m"), rows, "seed " + seed + " (chunk " + options.maxChunkBytes() + " bytes): ");
            }
        }
    }

    @Test
    void float64MatricesRoundTripThroughEveryAccessor() {
        for (int i = 0; i < 40; i++) {
            long seed = SEED + 1000 + i;
            String context = "seed " + seed + ": ";
            Random random = new Random(seed);
            int n = random.nextInt(30);
            int cols = 1 + random.nextInt(13);
            double[][] rows = new double[n][cols];
            for (double[] row : rows) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                }
            }
            Path index = dir.resolve("f64-" + i);
            try (IndexWriter writer = IndexWriter.open(index)) {
                try (DenseMatrixWriter m = writer.addDense("m", n, cols, DenseEncoding.FLOAT64)) {
                    for (double[] row : rows) {
                        m.addRow(row);
                    }
                }
                writer.commit(JsonNodeFactory.instance.objectNode());
            }
            ReaderOptions options = new ReaderOptions(8 + random.nextInt(300), Long.MAX_VALUE);
            try (IndexReader reader = IndexReader.open(index, options)) {
                DenseMatrix m = reader.dense("m");
                assertEquals(DenseEncoding.FLOAT64, m.encoding(), context);
                assertEquals(n, m.rows(), context);
                assertEquals(cols, m.cols(), context);
                double[] copy = new double[cols + 2];
                float[] narrow = new float[cols];
                for (int r = 0; r < n; r++) {
                    m.copyRow(r, copy, 2);
                    m.copyRow(r, narrow, 0);
                    for (int c = 0; c < cols; c++) {
                        String at = context + "(" + r + ", " + c + ")";
                        assertEquals(rows[r][c], m.getDouble(r, c), at);
                        assertEquals(rows[r][c], copy[2 + c], at);
                        assertEquals((float) rows[r][c], m.get(r, c), at);
                        assertEquals((float) rows[r][c], narrow[c], at);
                    }
                }
                float[] all = new float[n * cols];
                m.copyRows(0, n, all, 0);
                for (int k = 0; k < n * cols; k++) {
                    assertEquals((float) rows[k / cols][k % cols], all[k], context + "copyRows, value " + k);
                }
                for (int first = 0; first < n; first += m.rowsPerChunk()) {
                    int count = Math.min(m.rowsPerChunk(), n - first);
                    DoubleBuffer view = m.doubleRowsView(first, count);
                    assertEquals(count * cols, view.remaining(), context);
                    for (int k = 0; k < count * cols; k++) {
                        assertEquals(rows[first + k / cols][k % cols], view.get(k), context + "view at row " + first);
                    }
                }
                assertThrows(IllegalStateException.class, () -> m.rowsView(0, 0), context);
            }
        }
    }

    @Test
    void float32ValuesKeepTheirExactBits() {
        float[][] rows = {{-0.0f, Float.NaN, Float.intBitsToFloat(0x7fc00001)}, {Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY}};
        writeFloat32(dir, rows, 3);
        try (IndexReader reader = IndexReader.open(dir)) {
            DenseMatrix m = reader.dense("m");
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(Float.floatToRawIntBits(rows[r][c]), Float.floatToRawIntBits(m.get(r, c)), "(" + r + ", " + c + ")");
                }
            }
        }
    }

    @Test
    void viewsFollowChunksOfWholeRows() {
        Random random = new Random(SEED);
        float[][] rows = randomFloats(random, 11, 5);
        writeFloat32(dir, rows, 5);
        // 5 float32 values make 20-byte rows: a 70-byte limit gives chunks of 3 rows (60 bytes).
        try (IndexReader reader = IndexReader.open(dir, new ReaderOptions(70, Long.MAX_VALUE))) {
            DenseMatrix m = reader.dense("m");
            assertEquals(3, m.rowsPerChunk());
            assertEquals(2 * 5, m.rowsView(3, 2).remaining());
            assertEquals(rows[4][1], m.rowsView(3, 2).get(5 + 1));
            assertEquals(2 * 5, m.rowsView(9, 2).remaining(), "the last chunk is shorter");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.rowsView(2, 2));
            assertTrue(e.getMessage().contains("rows 2 to 3 span two memory-map chunks of 3 rows"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> m.rowsView(9, 3));
            assertEquals(0, m.rowsView(11, 0).remaining());
            FloatBuffer view = m.rowsView(0, 3);
            assertTrue(view.isReadOnly());
            view.position(7);
            assertEquals(0, m.rowsView(0, 3).position(), "each view is the caller's own");
        }
        try (IndexReader reader = IndexReader.open(dir)) {
            assertEquals((1 << 30) / 20, reader.dense("m").rowsPerChunk(), "default chunks are 1 GiB of whole rows");
        }
    }

    @Test
    void rowsLargerThanTheChunkLimitGetAChunkEach() {
        float[][] rows = randomFloats(new Random(SEED), 4, 7);
        writeFloat32(dir, rows, 7);
        try (IndexReader reader = IndexReader.open(dir, new ReaderOptions(8, Long.MAX_VALUE))) {
            checkFloat32(reader.dense("m"), rows, "");
            assertEquals(1, reader.dense("m").rowsPerChunk());
        }
    }

    @Test
    void anEmptyMatrixKeepsItsColumnCount() {
        writeFloat32(dir, new float[0][], 9);
        try (IndexReader reader = IndexReader.open(dir)) {
            DenseMatrix m = reader.dense("m");
            assertEquals(0, m.rows());
            assertEquals(9, m.cols());
            assertEquals(0, m.rowsView(0, 0).remaining());
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 0));
        }
    }

    @Test
    void aWriterClosedEarlyLeavesNoPart() throws Exception {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            DenseMatrixWriter m = writer.addDense("m", 3, 2, DenseEncoding.FLOAT32);
            m.addRow(new float[] {1, 2});
            assertEquals(1, m.rowsWritten());
            IllegalStateException e = assertThrows(IllegalStateException.class, m::close);
            assertEquals("dense part \"m\" was closed after 1 of 3 rows; it is not part of the index", e.getMessage());
            try (var files = Files.list(dir)) {
                assertEquals(java.util.List.of(IndexFiles.LOCK_FILE), files.map(f -> f.getFileName().toString()).toList());
            }
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
        try (IndexReader reader = IndexReader.open(dir)) {
            assertFalse(reader.has("m"));
        }
    }

    @Test
    void theWriterRejectsRowsThatDoNotFit() {
        try (IndexWriter writer = IndexWriter.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> writer.addDense("none", 2, 0, DenseEncoding.FLOAT32));
            assertThrows(IllegalArgumentException.class, () -> writer.addDense("huge", 1, (1 << 28) + 1, DenseEncoding.FLOAT32));
            try (DenseMatrixWriter m = writer.addDense("m", 1, 2, DenseEncoding.FLOAT32)) {
                assertThrows(IllegalArgumentException.class, () -> m.addRow(new float[3]));
                IllegalStateException narrowing = assertThrows(IllegalStateException.class, () -> m.addRow(new double[2]));
                assertTrue(narrowing.getMessage().contains("stores float32"), narrowing.getMessage());
                m.addRow(new float[] {1, 2});
                assertThrows(IllegalStateException.class, () -> m.addRow(new float[] {3, 4}));
            }
            IllegalStateException unclosed = assertThrows(IllegalStateException.class, () -> {
                writer.addDense("open", 1, 1, DenseEncoding.FLOAT32);
                writer.commit(JsonNodeFactory.instance.objectNode());
            });
            assertEquals("dense parts [open] are not closed; close their writers before committing", unclosed.getMessage());
        }
    }

    private static float[][] randomFloats(Random random, int n, int cols) {
        float[][] rows = new float[n][cols];
        for (float[] row : rows) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private static void writeFloat32(Path index, float[][] rows, int cols) {
        try (IndexWriter writer = IndexWriter.open(index)) {
            try (DenseMatrixWriter m = writer.addDense("m", rows.length, cols, DenseEncoding.FLOAT32)) {
                for (float[] row : rows) {
                    m.addRow(row);
                }
            }
            writer.commit(JsonNodeFactory.instance.objectNode());
        }
    }

    private static void checkFloat32(DenseMatrix m, float[][] rows, String context) {
        assertEquals(DenseEncoding.FLOAT32, m.encoding(), context);
        assertEquals(rows.length, m.rows(), context);
        m.load(); // pages in every chunk; what follows reads the same values
        int cols = m.cols();
        float[] copy = new float[cols + 1];
        double[] wide = new double[cols];
        for (int r = 0; r < rows.length; r++) {
            m.copyRow(r, copy, 1);
            m.copyRow(r, wide, 0);
            for (int c = 0; c < cols; c++) {
                String at = context + "(" + r + ", " + c + ")";
                assertEquals(rows[r][c], m.get(r, c), at);
                assertEquals(rows[r][c], m.getDouble(r, c), at);
                assertEquals(rows[r][c], copy[1 + c], at);
                assertEquals(rows[r][c], wide[c], at);
            }
        }
        float[] scanned = new float[rows.length * cols];
        for (int first = 0; first < rows.length; first += m.rowsPerChunk()) {
            FloatBuffer view = m.rowsView(first, Math.min(m.rowsPerChunk(), rows.length - first));
            view.get(scanned, first * cols, view.remaining());
        }
        float[] expected = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, expected, r * cols, cols);
        }
        assertArrayEquals(expected, scanned, context + "scanning the views by chunk");
        // Every range of rows, across chunk boundaries, copied at an offset; the floats around it untouched.
        for (int first = 0; first <= rows.length; first++) {
            for (int count = 0; first + count <= rows.length; count++) {
                float[] range = new float[count * cols + 2];
                Arrays.fill(range, -7f);
                m.copyRows(first, count, range, 1);
                assertEquals(-7f, range[0], context + "before rows " + first + "+" + count);
                assertEquals(-7f, range[range.length - 1], context + "after rows " + first + "+" + count);
                assertArrayEquals(Arrays.copyOfRange(expected, first * cols, (first + count) * cols),
                        Arrays.copyOfRange(range, 1, 1 + count * cols), context + "rows " + first + "+" + count);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> m.copyRows(rows.length, 1, new float[cols], 0), context);
        assertThrows(IllegalStateException.class, () -> m.doubleRowsView(0, 0), context);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(rows.length, 0), context);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, cols), context);
    }
}
