package io.fashionrec.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog is a function of its options: same seed, same bytes, whatever the thread count. */
class DeterminismTest {

    private static final int PRODUCTS = 40;

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheThreadCount() throws IOException {
        Map<String, String> oneThread = generate("a", 7, 1);
        Map<String, String> threeThreads = generate("b", 7, 3);
        assertEquals(PRODUCTS + 1, oneThread.size(), "styles.csv and one image per product");
        assertEquals(oneThread, threeThreads, "seed 7 with 1 and with 3 threads");
    }

    @Test
    void differentSeedsGiveDifferentCatalogs() throws IOException {
        Map<String, String> seven = generate("a", 7, 2);
        Map<String, String> eight = generate("b", 8, 2);
        assertEquals(seven.keySet(), eight.keySet(), "same ids 1.." + PRODUCTS);
        assertNotEquals(seven.get("styles.csv"), eight.get("styles.csv"));
        long sameImages = seven.keySet().stream().filter(f -> !f.equals("styles.csv"))
                .filter(f -> seven.get(f).equals(eight.get(f))).count();
        assertEquals(0, sameImages, "images identical between seeds 7 and 8");
    }

    @Test
    void productsOfOneCatalogAreNotCopiesOfEachOther() throws IOException {
        Map<String, String> files = generate("a", 11, 2);
        assertEquals(files.size(), files.values().stream().distinct().count(), "seed 11: some files are identical");
    }

    /** SHA-256 of every file of a fresh catalog, by path relative to the catalog directory. */
    private Map<String, String> generate(String name, long seed, int threads) throws IOException {
        Path out = dir.resolve(name);
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(seed).optThreads(threads).build().generate(out);
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = out.relativize(file).toString().replace('\\', '/').replaceFirst("^images/", "");
                if (!relative.startsWith(".")) {
                    hashes.put(relative, sha256(Files.readAllBytes(file)));
                }
            }
        }
        assertTrue(hashes.containsKey("styles.csv"), "no styles.csv in " + out);
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java runtime has SHA-256", e);
        }
    }
}
