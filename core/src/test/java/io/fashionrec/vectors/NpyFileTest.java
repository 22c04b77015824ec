package io.fashionrec.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.FloatMatrix;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NpyFile} and {@link NpyRowWriter} against files numpy wrote (see resources/npy/make_npy.py), round trips and damaged files. */
class NpyFileTest {

    /** The array of f4_3x4*.npy: (arange(12).reshape(3, 4) - 5.5) / 4, exact in binary. */
    private static final float[] GOLDEN = new float[12];

    static {
        for (int i = 0; i < 12; i++) {
            GOLDEN[i] = (i - 5.5f) / 4;
        }
    }

    @TempDir
    Path tmp;

    private static Path golden(String name) throws URISyntaxException {
        return Path.of(NpyFileTest.class.getResource("/npy/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f4_3x4.npy", "f4_3x4_v2.npy", "f4_3x4_v3.npy"})
    void readsFloat32WrittenByNumpyInEveryFormatVersion(String name) throws Exception {
        FloatMatrix m = NpyFile.readFloat32(golden(name));
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        assertArrayEquals(GOLDEN, m.data());
    }

    @Test
    void readsFloat64AsTheNearestFloats() throws Exception {
        FloatMatrix m = NpyFile.readFloat32(golden("f8_2x3.npy"));
        assertEquals(2, m.rows());
        assertArrayEquals(new float[] {0.1f, -2.5f, 1e10f, 3f, 0f, -0f}, m.data());
    }

    @Test
    void readsInt64Ids() throws Exception {
        NpyFile.LongMatrix m = NpyFile.readInt64(golden("i8_2x3.npy"));
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new long[] {0, 1, -1, 1L << 40, 7, 9}, m.data());
        assertEquals(1L << 40, m.get(1, 0));
    }

    @Test
    void readsAnEmptyArray() throws Exception {
        FloatMatrix m = NpyFile.readFloat32(golden("empty_0x5.npy"));
        assertEquals(0, m.rows());
        assertEquals(5, m.cols());
    }

    @Test
    void writesFloat32ByteForByteAsNumpyDoes() throws Exception {
        Path out = tmp.resolve("out.npy");
        NpyFile.writeFloat32(out, new FloatMatrix(3, 4, GOLDEN.clone()));
        assertArrayEquals(Files.readAllBytes(golden("f4_3x4.npy")), Files.readAllBytes(out));
    }

    @Test
    void writesInt64ByteForByteAsNumpyDoes() throws Exception {
        Path out = tmp.resolve("ids.npy");
        NpyFile.writeInt64(out, 2, 3, new long[] {0, 1, -1, 1L << 40, 7, 9});
        assertArrayEquals(Files.readAllBytes(golden("i8_2x3.npy")), Files.readAllBytes(out));
    }

    @ParameterizedTest
    @CsvSource({
        "fortran_3x4.npy, Fortran-order",
        "three_d.npy, 3-D array of shape (2, 2, 2)",
        "one_d.npy, 1-D array of shape (4,)",
        "big_endian.npy, big-endian numbers ('>f4')",
        "int32.npy, type '<i4'",
        "i8_2x3.npy, int64 numbers"})
    void rejectsArraysItCannotReadNamingTheFileAndTheReason(String name, String reason) throws Exception {
        Path file = golden(name);
        IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsFloatsWhereIdsAreExpected() throws Exception {
        IOException e = assertThrows(IOException.class, () -> NpyFile.readInt64(golden("f4_3x4.npy")));
        assertTrue(e.getMessage().contains("int64 ids ('<i8') are needed"), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotNpy() throws Exception {
        Path file = tmp.resolve("vectors.csv");
        Files.writeString(file, "id,x\n1,0.5\n");
        IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
        assertEquals(file + " is not a .npy file: it does not start with \\x93NUMPY", e.getMessage());
    }

    @Test
    void rejectsEveryTruncationOfAValidFile() throws Exception {
        byte[] whole = Files.readAllBytes(golden("f4_3x4.npy"));
        Path file = tmp.resolve("cut.npy");
        for (int length = 0; length < whole.length; length++) {
            Files.write(file, Arrays.copyOf(whole, length));
            IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file), "cut at " + length);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
        assertEquals(file + " is truncated: its shape (3, 4) of '<f4' needs 48 bytes of data, the file has 47", e.getMessage());
    }

    @Test
    void rejectsBytesPastTheData() throws Exception {
        byte[] whole = Files.readAllBytes(golden("f4_3x4.npy"));
        Path file = tmp.resolve("long.npy");
        Files.write(file, Arrays.copyOf(whole, whole.length + 4));
        IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
        assertTrue(e.getMessage().contains("4 bytes after the data"), e.getMessage());
    }

    @Test
    void rejectsAShapeLargerThanOneJavaArray() throws Exception {
        Path file = tmp.resolve("huge.npy");
        // The header alone: the size check against the file comes first, so pad the data with a sparse file.
        byte[] header = NpyHeader.format(NpyType.FLOAT32, 100_000, 30_000);
        Files.write(file, header);
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1]), header.length + 100_000L * 30_000 * 4 - 1);
        }
        IOException e = assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
        assertTrue(e.getMessage().contains("100000 x 30000 = 3000000000 numbers, more than one Java array holds"), e.getMessage());
    }

    @Test
    void randomBytesAfterTheMagicFailWithAnIOExceptionNeverAnotherError() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path file = tmp.resolve("random.npy");
        for (int trial = 0; trial < 200; trial++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (bytes.length >= 8 && random.nextBoolean()) {
                // keep a valid prefix half of the time so the parser gets past the magic string
                System.arraycopy(Files.readAllBytes(golden("f4_3x4.npy")), 0, bytes, 0, Math.min(bytes.length, 8 + random.nextInt(40)));
            }
            Files.write(file, bytes);
            try {
                NpyFile.readFloat32(file);
            } catch (IOException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), "seed " + seed + ": " + expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", trial " + trial + ": " + e, e);
            }
        }
    }

    @Test
    void roundTripsRandomMatricesThroughTheStreamingWriter() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int rows = random.nextInt(50);
            int cols = 1 + random.nextInt(300);
            float[] data = new float[rows * cols];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            Path file = tmp.resolve("r" + trial + ".npy");
            try (NpyRowWriter out = NpyRowWriter.float32(file, rows, cols)) {
                for (int r = 0; r < rows; r++) {
                    out.writeRow(Arrays.copyOfRange(data, r * cols, r * cols + cols));
                }
            }
            FloatMatrix back = NpyFile.readFloat32(file);
            assertEquals(rows, back.rows(), "seed " + seed);
            assertArrayEquals(data, back.data(), "seed " + seed);
        }
    }

    @Test
    void writesRowsLargerThanItsBuffer() throws Exception {
        int cols = NpyFile.CHUNK_BYTES / 4 + 3;
        float[] data = new float[2 * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        Path file = tmp.resolve("wide.npy");
        NpyFile.writeFloat32(file, new FloatMatrix(2, cols, data));
        assertArrayEquals(data, NpyFile.readFloat32(file).data());
    }

    @Test
    void closingBeforeEveryPromisedRowIsWrittenFails() throws Exception {
        Path file = tmp.resolve("short.npy");
        NpyRowWriter out = NpyRowWriter.float32(file, 3, 2);
        out.writeRow(new float[] {1, 2});
        IOException e = assertThrows(IOException.class, out::close);
        assertEquals(file + " was promised 3 rows but only 1 were written", e.getMessage());
        assertThrows(IOException.class, () -> NpyFile.readFloat32(file));
    }

    @Test
    void writingMoreRowsThanPromisedOrAWrongWidthFails() throws Exception {
        try (NpyRowWriter out = NpyRowWriter.float32(tmp.resolve("one.npy"), 1, 2)) {
            assertThrows(IllegalArgumentException.class, () -> out.writeRow(new float[3]));
            out.writeRow(new float[2]);
            assertThrows(IllegalStateException.class, () -> out.writeRow(new float[2]));
        }
    }

    @Test
    void theHeaderIsPaddedToSixtyFourBytes() {
        byte[] h = NpyHeader.format(NpyType.FLOAT32, 1_000_000, 512);
        assertEquals(0, h.length % 64);
        assertEquals('\n', h[h.length - 1]);
        assertEquals(h.length - 10, ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
    }
}
