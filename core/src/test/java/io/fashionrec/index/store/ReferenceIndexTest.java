package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-compat, after Lucene: the committed reference index of format version 1 still reads with
 * every value intact, its bytes sit at the offsets the format Javadoc documents, and the current
 * writer still produces it byte for byte (so a format change cannot slip in without a version
 * bump and a new reference directory).
 */
class ReferenceIndexTest {

    @TempDir
    Path dir;

    static Path referenceV1() {
        try {
            return Path.of(ReferenceIndexTest.class.getResource("/index-format/v1/manifest.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCurrentReaderReadsEveryValueOfVersion1() {
        try (IndexReader reader = IndexReader.open(referenceV1())) {
            reader.verifyChecksums();
            assertEquals(1, reader.manifest().generation());
            assertEquals(ReferenceIndex.content(), reader.content());
            assertEquals(Set.of("vectors", "vectors64", "terms", "names", "flags"), reader.manifest().parts().keySet());

            DenseMatrix vectors = reader.dense("vectors");
            assertEquals(3, vectors.rows());
            assertEquals(4, vectors.cols());
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(Float.floatToRawIntBits(ReferenceIndex.DENSE[r][c]), Float.floatToRawIntBits(vectors.get(r, c)),
                            "vectors (" + r + ", " + c + ")");
                }
            }
            DenseMatrix vectors64 = reader.dense("vectors64");
            assertEquals(DenseEncoding.FLOAT64, vectors64.encoding());
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(ReferenceIndex.DENSE64[r][c], vectors64.getDouble(r, c), "vectors64 (" + r + ", " + c + ")");
                }
            }

            SparseRows terms = reader.sparse("terms");
            assertEquals(ReferenceIndex.SPARSE_COLS, terms.cols());
            assertEquals(5, terms.nnz());
            for (int r = 0; r < 3; r++) {
                assertEquals(ReferenceIndex.SPARSE.get(r), terms.row(r), "terms row " + r);
            }

            StringColumn names = reader.strings("names");
            assertEquals(3, names.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(ReferenceIndex.STRINGS.get(i), names.get(i), "names " + i);
            }

            Bits flags = reader.bits("flags");
            assertEquals(10, flags.size());
            assertEquals(3, flags.cardinality());
            for (int i = 0; i < 10; i++) {
                assertEquals(i == 0 || i == 3 || i == 9, flags.get(i), "flags " + i);
            }
        }
    }

    @Test
    void theCurrentWriterProducesVersion1ByteForByte() throws IOException {
        ReferenceIndex.write(dir);
        Set<String> written = indexFiles(dir);
        assertEquals(indexFiles(referenceV1()), written, "the files of the index");
        for (String name : written) {
            assertArrayEquals(Files.readAllBytes(referenceV1().resolve(name)), Files.readAllBytes(dir.resolve(name)),
                    name + " changed: bump its format version and add a new reference directory (see index-format/v1/README.md)");
        }
    }

    @Test
    void theBytesSitWhereTheFormatJavadocSays() throws IOException {
        ByteBuffer dense = file("vectors.1.dense");
        checkHeader(dense, "FashionrecDenseMatrix", 9);
        assertEquals(3, dense.getInt(30), "rows");
        assertEquals(4, dense.getInt(34), "cols");
        assertEquals(0, dense.get(38), "encoding float32");
        assertEquals(ReferenceIndex.DENSE[1][2], dense.getFloat(64 + (1 * 4 + 2) * 4), "value (1, 2)");
        assertEquals(64 + 3 * 4 * 4 + 16, dense.limit(), "length");
        checkFooter(dense);

        ByteBuffer dense64 = file("vectors64.1.dense");
        assertEquals(1, dense64.get(38), "encoding float64");
        assertEquals(ReferenceIndex.DENSE64[1][0], dense64.getDouble(64 + 2 * 8), "value (1, 0)");
        checkFooter(dense64);

        ByteBuffer sparse = file("terms.1.sparse");
        checkHeader(sparse, "FashionrecSparseRows", 12);
        assertEquals(3, sparse.getInt(29), "rows");
        assertEquals(5, sparse.getInt(33), "cols");
        assertEquals(5, sparse.getInt(37), "nnz");
        assertArrayEquals(new int[] {0, 2, 2, 5}, ints(sparse, 64, 4), "row pointers");
        assertArrayEquals(new int[] {0, 3, 1, 2, 4}, ints(sparse, 64 + 4 * 4, 5), "column indices");
        assertEquals(-1.5f, sparse.getFloat(64 + 4 * (4 + 5) + 4), "value 1");
        checkFooter(sparse);

        ByteBuffer strings = file("names.1.strings");
        checkHeader(strings, "FashionrecStringColumn", 4);
        assertEquals(3, strings.getInt(31), "count");
        long third = ReferenceIndex.STRINGS.get(2).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(0, strings.getLong(64));
        assertEquals(5, strings.getLong(72));
        assertEquals(5, strings.getLong(80));
        assertEquals(5 + third, strings.getLong(88));
        assertEquals("15970", new String(bytes(strings, 64 + 8 * 4, 5), StandardCharsets.UTF_8));
        assertEquals(64 + 8 * 4 + 5 + third + 16, strings.limit(), "length");
        checkFooter(strings);

        ByteBuffer bits = file("flags.1.bits");
        checkHeader(bits, "FashionrecBitSet", 4);
        assertEquals(10, bits.getInt(25), "size");
        assertEquals(0b10_0000_1001L, bits.getLong(64), "word 0");
        assertEquals(64 + 8 + 16, bits.limit(), "length");
        checkFooter(bits);
    }

    /** Checks the header and that the bytes after the format's {@code fieldBytes} up to 64 are zero. */
    private static void checkHeader(ByteBuffer file, String codec, int fieldBytes) {
        assertEquals("FRIX", new String(bytes(file, 0, 4), StandardCharsets.US_ASCII), "header magic");
        assertEquals(codec.length(), file.get(4), "codec name length");
        assertEquals(codec, new String(bytes(file, 5, codec.length()), StandardCharsets.US_ASCII), "codec name");
        assertEquals(1, file.getInt(5 + codec.length()), "version");
        for (int i = 9 + codec.length() + fieldBytes; i < 64; i++) {
            assertEquals(0, file.get(i), "padding at " + i);
        }
    }

    private static void checkFooter(ByteBuffer file) {
        int length = file.limit();
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xAD, (byte) 0xB6, (byte) 0xA7}, bytes(file, length - 16, 4), "footer magic");
        assertEquals(0, file.getInt(length - 12), "CRC-32 algorithm");
        CRC32 crc = new CRC32();
        crc.update(bytes(file, 0, length - 8));
        assertEquals(crc.getValue(), file.getLong(length - 8), "checksum");
    }

    private static ByteBuffer file(String name) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(referenceV1().resolve(name))).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(ByteBuffer file, int offset, int length) {
        return Arrays.copyOfRange(file.array(), offset, offset + length);
    }

    private static int[] ints(ByteBuffer file, int offset, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = file.getInt(offset + 4 * i);
        }
        return values;
    }

    /** The files of an index: the manifest and the part files, not the lock or a README. */
    private static Set<String> indexFiles(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.equals(Manifest.FILE_NAME) || IndexFiles.isWriterFile(name))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
