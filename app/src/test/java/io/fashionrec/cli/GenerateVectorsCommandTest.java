package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.vectors.NpyFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --vectors-only}: the three files, their shapes, unit rows, clusters, names and the seed. */
class GenerateVectorsCommandTest {

    @TempDir
    Path tmp;

    private int generate(Path dir, String... more) {
        String[] base = {"generate", "--vectors-only", "--products", "9000", "--dimension", "48", "--queries", "30", "--out", dir.toString()};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void writesUnitVectorsQueriesAndNames() throws Exception {
        Path dir = tmp.resolve("set");
        assertEquals(0, generate(dir));
        FloatMatrix v = NpyFile.readFloat32(dir.resolve("vectors.npy"));
        FloatMatrix q = NpyFile.readFloat32(dir.resolve("queries.npy"));
        assertEquals(List.of(9000, 48, 30, 48), List.of(v.rows(), v.cols(), q.rows(), q.cols()));
        for (FloatMatrix m : List.of(v, q)) {
            for (int j = 0; j < m.rows(); j++) {
                double norm = 0;
                for (float x : m.row(j)) {
                    norm += (double) x * x;
                }
                assertEquals(1.0, norm, 1e-5, "row " + j);
            }
        }
        // Clustered: each query's best vector is far closer than a typical one (unit random vectors in 48-d have cosines near 0).
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < q.rows(); i++) {
            double best = -2;
            for (int j = 0; j < v.rows(); j++) {
                double s = 0;
                for (int c = 0; c < 48; c++) {
                    s += q.get(i, c) * v.get(j, c);
                }
                best = Math.max(best, s);
                assertNotEquals(1.0, s, 1e-7, "query " + i + " equals vector " + j);
            }
            assertTrue(best > 0.6, "query " + i + " has no near neighbour: best cosine " + best);
            distinct.add(Arrays.toString(q.row(i)));
        }
        assertEquals(30, distinct.size());
        List<String> rows = Files.readAllLines(dir.resolve("styles.csv"));
        assertEquals("id,gender,masterCategory,subCategory,articleType,baseColour,productDisplayName", rows.get(0));
        assertEquals(9001, rows.size());
        assertTrue(rows.get(1).matches("0,(Men|Women|Boys|Girls|Unisex),[A-Za-z ]+,[A-Za-z ]+,[A-Za-z ]+,[A-Za-z ]+,[A-Z][A-Za-z ]+"), rows.get(1));
        assertTrue(rows.get(9000).startsWith("8999,"), rows.get(9000));
        // A cluster is one kind of product: its type and colour name it, and it has one gender.
        Map<String, String> genderOfKind = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(f[6].endsWith(" " + f[5] + " " + f[4]), row);
            String gender = genderOfKind.putIfAbsent(f[4] + "/" + f[5], f[1]);
            assertTrue(gender == null || gender.equals(f[1]), "two genders for " + f[4] + "/" + f[5] + ": " + gender + ", " + row);
        }
        assertTrue(genderOfKind.size() > 20, "36 clusters make about as many kinds: " + genderOfKind.keySet());
    }

    @Test
    void theSameSeedDrawsTheSameFilesAndAnotherSeedOthers() throws Exception {
        assertEquals(0, generate(tmp.resolve("a"), "--seed", "5"));
        assertEquals(0, generate(tmp.resolve("b"), "--seed", "5"));
        assertEquals(0, generate(tmp.resolve("c"), "--seed", "6"));
        for (String f : List.of("vectors.npy", "queries.npy", "styles.csv")) {
            assertEquals(-1, Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f)), f);
            assertNotEquals(-1, Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("c").resolve(f)), f);
        }
        assertFalse(Files.exists(tmp.resolve("a").resolve("images")), "no photo is drawn");
    }

    @Test
    void aMatrixTooLargeForOneArrayIsRefusedBeforeWriting() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"generate", "--vectors-only", "--products", "5000000", "--dimension", "512",
            "--out", tmp.resolve("big").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, exit);
        assertTrue(err.toString().contains("5000000 x 512 floats exceed one search matrix"), err.toString());
        assertFalse(Files.exists(tmp.resolve("big")));
    }
}
