package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged, missing or other-version index fails with one {@link IndexFormatException} whose
 * message is one sentence naming the file and what to do; never another exception, never data
 * that silently differs from what was written. Each case starts from a copy of the reference
 * index. Reproduce a failure with the seed in its message.
 */
class DamagedIndexTest {

    private static final long SEED = Long.getLong("fashionrec.store.seed", 20_250_700L);
    private static final String REBUILD = ": the index is damaged, rebuild it with `fashionrec index`";
    private static final List<String> PART_FILES = List.of("vectors.1.dense", "vectors64.1.dense", "terms.1.sparse", "names.1.strings", "flags.1.bits");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads parts without recomputing their checksums at open, as for parts above 256 MiB. */
    private static final ReaderOptions STRUCTURAL_ONLY = new ReaderOptions(64, 0);

    @TempDir
    Path dir;

    @BeforeEach
    void restoreReference() throws IOException {
        try (Stream<Path> files = Files.list(ReferenceIndexTest.referenceV1())) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void noDirectoryOrNoManifestSaysHowToBuildOne() throws IOException {
        Path absent = dir.resolve("absent");
        assertMessage("no fashionrec index at " + absent + " (no manifest.json); build one with `fashionrec index --catalog CATALOG --index "
                + absent + "`", absent);
        Files.delete(dir.resolve("manifest.json"));
        assertMessage("no fashionrec index at " + dir + " (no manifest.json); build one with `fashionrec index --catalog CATALOG --index "
                + dir + "`", dir);
    }

    @Test
    void anEmptyOrGarbageManifestIsDamage() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.write(manifest, new byte[0]);
        assertMessage(manifest + " is empty" + REBUILD, dir);
        Files.writeString(manifest, "{\"format\": \"fashionrec-index\", garbage");
        assertMessage(manifest + " is not valid JSON (at line 1, column 32)" + REBUILD, dir);
        Files.writeString(manifest, "[1, 2]");
        assertMessage(manifest + " is not a JSON object" + REBUILD, dir);
        Files.write(manifest, new byte[] {(byte) 0xFF, 0, 17, (byte) 0x80});
        assertFails(dir, ReaderOptions.DEFAULT, "binary garbage");
        Files.writeString(manifest, "{\"format\": \"something-else\", \"formatVersion\": 1}");
        assertMessage(manifest + " is not a fashionrec index manifest (its \"format\" is \"something-else\", not \"fashionrec-index\")" + REBUILD, dir);
    }

    @Test
    void anotherFormatVersionSaysToRebuild() throws IOException {
        editManifest(root -> root.put("formatVersion", 3));
        assertMessage(dir + " holds an index in format version 3; this fashionrec reads versions 1 to 2: rebuild it with `fashionrec index`", dir);
        // A later version may change everything but "format" and "formatVersion".
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"fashionrec-index\", \"formatVersion\": 3, \"shards\": [1]}");
        assertMessage(dir + " holds an index in format version 3; this fashionrec reads versions 1 to 2: rebuild it with `fashionrec index`", dir);
    }

    @Test
    void anotherCodecVersionSaysToRebuild() throws IOException {
        editManifest(root -> ((ObjectNode) root.get("parts").get("terms")).put("codecVersion", 2));
        assertMessage(dir.resolve("terms.1.sparse") + " holds FashionrecSparseRows version 2; this fashionrec reads version 1:"
                + " rebuild the index with `fashionrec index`", dir);
    }

    @Test
    void aPartFileOfAnotherVersionSaysToRebuild() throws IOException {
        // What a later fashionrec would write: version 2 in the header, intact checksum, a manifest that matches.
        rewritePart("vectors.1.dense", bytes -> bytes.putInt(26, 2));
        assertMessage(dir.resolve("vectors.1.dense") + " holds FashionrecDenseMatrix version 2; this fashionrec reads version 1:"
                + " rebuild the index with `fashionrec index`", dir);
    }

    @Test
    void aWrongMagicIsDamage() throws IOException {
        rewritePart("names.1.strings", bytes -> bytes.put(0, (byte) 'G'));
        assertMessage(dir.resolve("names.1.strings") + " does not start with the fashionrec header magic (found 0x58495247)" + REBUILD, dir);
    }

    @Test
    void aWrongCodecIsDamage() throws IOException {
        rewritePart("flags.1.bits", bytes -> bytes.put(5 + 10, (byte) 'X'));
        assertMessage(dir.resolve("flags.1.bits") + " holds codec \"FashionrecXitSet\" where the manifest says FashionrecBitSet" + REBUILD, dir);
    }

    @Test
    void aMissingPartFileIsDamage() throws IOException {
        Files.delete(dir.resolve("terms.1.sparse"));
        assertMessage(dir.resolve("terms.1.sparse") + " is missing" + REBUILD, dir);
    }

    @Test
    void aManifestThatDisagreesWithAPartIsDamage() throws IOException {
        editManifest(root -> ((ObjectNode) root.get("parts").get("vectors")).put("bytes", 999));
        assertMessage(dir.resolve("vectors.1.dense") + " is 128 bytes but the manifest records 999" + REBUILD, dir);
        restoreReference();
        editManifest(root -> ((ObjectNode) root.get("parts").get("vectors")).put("crc32", 12345));
        assertMessage(dir.resolve("vectors.1.dense") + " has checksum 2397257036 in its footer but the manifest records 12345" + REBUILD, dir);
    }

    @Test
    void aManifestNamingAFileOutsideTheIndexIsDamage() throws IOException {
        assertNamesFileRefused("../../etc/passwd");
    }

    /** A part may keep an earlier generation's file (format version 2), never a later one's nor another part's. */
    @Test
    void aManifestNamingALaterGenerationsOrAnotherPartsFileIsDamage() throws IOException {
        assertNamesFileRefused("names.2.strings");
        restoreReference();
        assertNamesFileRefused("ids.1.strings");
    }

    /** The reference's part "names" pointed at {@code file} is refused with the sentence that says which file belongs. */
    private void assertNamesFileRefused(String file) throws IOException {
        editManifest(root -> ((ObjectNode) root.get("parts").get("names")).put("file", file));
        assertMessage(dir.resolve("manifest.json") + " names file \"" + file + "\" for part \"names\" where names.1.strings"
                + " (or the file of an earlier generation under that name) belongs" + REBUILD, dir);
    }

    @Test
    void anUnknownCodecSaysToRebuild() throws IOException {
        editManifest(root -> ((ObjectNode) root.get("parts").get("names")).put("codec", "FashionrecHnswGraph"));
        assertMessage(dir + " holds part \"names\" in codec \"FashionrecHnswGraph\", which this fashionrec does not know:"
                + " rebuild the index with `fashionrec index`", dir);
    }

    @Test
    void truncationAtEveryOffsetIsDamage() throws IOException {
        byte[] manifest = Files.readAllBytes(dir.resolve("manifest.json"));
        for (String name : PART_FILES) {
            Path file = dir.resolve(name);
            byte[] original = Files.readAllBytes(file);
            for (int length = 0; length < original.length; length++) {
                String context = name + " truncated to " + length + " bytes";
                Files.write(file, Arrays.copyOf(original, length));
                assertEquals(file + " is " + length + " bytes but the manifest records " + original.length + REBUILD,
                        assertFails(dir, ReaderOptions.DEFAULT, context).getMessage(), context);
                // Also when the manifest agrees with the short file, and the checksum is not recomputed at open.
                int recorded = length;
                editManifest(root -> ((ObjectNode) root.get("parts").get(partName(name))).put("bytes", recorded));
                assertFails(dir, STRUCTURAL_ONLY, context + ", manifest updated");
                Files.write(dir.resolve("manifest.json"), manifest);
            }
            Files.write(file, original);
        }
    }

    @Test
    void flippedBytesAreCaughtByTheChecksumAtOpen() throws IOException {
        Random random = new Random(SEED);
        for (String name : PART_FILES) {
            Path file = dir.resolve(name);
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < 40; i++) {
                int offset = random.nextInt(original.length);
                byte[] damaged = original.clone();
                damaged[offset] ^= (byte) (1 + random.nextInt(255));
                Files.write(file, damaged);
                String context = "seed " + SEED + ": " + name + " with byte " + offset + " changed";
                String message = assertFails(dir, ReaderOptions.DEFAULT, context).getMessage();
                assertTrue(message.startsWith(file.toString()), context + ": " + message);
            }
            Files.write(file, original);
        }
    }

    @Test
    void withoutTheChecksumAtOpenFlippedBytesAreCaughtByStructureOrByVerifyChecksums() throws IOException {
        Random random = new Random(SEED + 1);
        for (String name : PART_FILES) {
            Path file = dir.resolve(name);
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < 40; i++) {
                int offset = random.nextInt(original.length);
                byte[] damaged = original.clone();
                damaged[offset] ^= (byte) (1 + random.nextInt(255));
                Files.write(file, damaged);
                assertFails(dir, STRUCTURAL_ONLY, "seed " + (SEED + 1) + ": " + name + " with byte " + offset + " changed");
            }
            Files.write(file, original);
        }
    }

    @Test
    void structuralChecksNameWhatIsWrong() throws IOException {
        // Row 2's column indices 1, 2, 4 become 1, 1, 4.
        Path terms = dir.resolve("terms.1.sparse");
        byte[] bytes = Files.readAllBytes(terms);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(64 + 4 * 4 + 4 * 3, 1);
        Files.write(terms, bytes);
        try (IndexReader reader = IndexReader.open(dir, STRUCTURAL_ONLY)) {
            assertEquals(ReferenceIndex.SPARSE.get(0), reader.sparse("terms").row(0), "an intact row still reads");
            IndexFormatException e = assertThrows(IndexFormatException.class, () -> reader.sparse("terms").row(2));
            assertEquals(terms + " has column index 1 at position 1 of row 2 (indices must increase and stay below 5)" + REBUILD, e.getMessage());
            e = assertThrows(IndexFormatException.class, () -> reader.sparse("terms").readAll());
            assertEquals(terms + " holds a malformed row: row 2 has index 1 at position 1 (indices must increase and stay below 5)" + REBUILD,
                    e.getMessage());
        }
        // A string's end offset beyond the bytes of the column.
        Path names = dir.resolve("names.1.strings");
        bytes = Files.readAllBytes(names);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(72, 500);
        Files.write(names, bytes);
        try (IndexReader reader = IndexReader.open(dir, STRUCTURAL_ONLY)) {
            IndexFormatException e = assertThrows(IndexFormatException.class, () -> reader.strings("names").get(0));
            assertTrue(e.getMessage().startsWith(names + " has offsets 0 to 500 for string 0 outside its"), e.getMessage());
            e = assertThrows(IndexFormatException.class, () -> reader.strings("names").forEachUtf8((i, b, from, length) -> { }));
            assertTrue(e.getMessage().startsWith(names + " has offsets 0 to 500 for string 0 outside its"), e.getMessage());
        }
    }

    @Test
    void askingForAPartThatIsNotThereSaysSo() {
        try (IndexReader reader = IndexReader.open(dir)) {
            IndexFormatException missing = assertThrows(IndexFormatException.class, () -> reader.dense("image"));
            assertEquals("the index at " + dir + " has no part \"image\" where a dense matrix is expected: rebuild it with `fashionrec index`",
                    missing.getMessage());
            IndexFormatException wrongKind = assertThrows(IndexFormatException.class, () -> reader.bits("names"));
            assertEquals("the index at " + dir + " has \"names\" as a string column where a bit set is expected: rebuild it with `fashionrec index`",
                    wrongKind.getMessage());
        }
    }

    /** The part name of a part file name. */
    private static String partName(String fileName) {
        return fileName.substring(0, fileName.indexOf('.'));
    }

    /** Changes a part file and fixes its footer checksum and the manifest to match: only the edit is wrong. */
    private void rewritePart(String name, Consumer<ByteBuffer> edit) throws IOException {
        Path file = dir.resolve(name);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(buffer);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        buffer.putLong(bytes.length - 8, crc.getValue());
        Files.write(file, bytes);
        editManifest(root -> ((ObjectNode) root.get("parts").get(partName(name))).put("crc32", crc.getValue()));
    }

    private void editManifest(Consumer<ObjectNode> edit) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
        edit.accept(root);
        JSON.writeValue(manifest.toFile(), root);
    }

    private static void assertMessage(String expected, Path index) {
        assertEquals(expected, assertFails(index, ReaderOptions.DEFAULT, "").getMessage());
    }

    /**
     * Opens the index and reads every value of every part, then verifies all checksums: one of
     * these must throw {@link IndexFormatException}, with a one-sentence message, and nothing else
     * may be thrown.
     */
    private static IndexFormatException assertFails(Path index, ReaderOptions options, String context) {
        try (IndexReader reader = IndexReader.open(index, options)) {
            readEverything(reader);
            reader.verifyChecksums();
        } catch (IndexFormatException e) {
            String message = e.getMessage();
            assertFalse(message.contains("\n") || message.contains(". "), context + ": not one sentence: " + message);
            assertTrue(message.contains("fashionrec index"), context + ": says nothing about what to do: " + message);
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": threw " + e + " instead of IndexFormatException", e);
        }
        return fail(context + ": the damaged index opened, read and verified without an error");
    }

    private static void readEverything(IndexReader reader) {
        reader.manifest().parts().forEach((name, entry) -> {
            switch (PartKind.forCodec(entry.codec())) {
                case DENSE -> {
                    DenseMatrix m = reader.dense(name);
                    for (int r = 0; r < m.rows(); r++) {
                        m.copyRow(r, new double[m.cols()], 0);
                    }
                }
                case SPARSE -> {
                    SparseRows rows = reader.sparse(name);
                    for (int r = 0; r < rows.rows(); r++) {
                        rows.row(r);
                    }
                }
                case STRINGS -> {
                    StringColumn strings = reader.strings(name);
                    for (int i = 0; i < strings.size(); i++) {
                        strings.get(i);
                    }
                }
                case BITS -> {
                    Bits bits = reader.bits(name);
                    for (int i = 0; i < bits.size(); i++) {
                        bits.get(i);
                    }
                }
            }
        });
    }
}
