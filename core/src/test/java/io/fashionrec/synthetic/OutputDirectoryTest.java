package io.fashionrec.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory rules: never mix with foreign files, never leave a catalog that looks complete but is not. */
class OutputDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void createsAMissingDirectory() throws IOException {
        Path out = dir.resolve("new/catalog");
        generator(5).generate(out);
        assertEquals(6, Files.readAllLines(out.resolve("styles.csv")).size());
        assertEquals(5, imageCount(out));
    }

    @Test
    void refusesANonEmptyDirectoryThatIsNotASyntheticCatalog() throws IOException {
        Path out = dir.resolve("photos");
        Files.createDirectories(out);
        Files.writeString(out.resolve("holiday.jpg"), "not ours");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator(5).generate(out));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(out.resolve("holiday.jpg")), left.toList(), "the refused directory was changed");
        }
    }

    @Test
    void refusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("styles.csv"), "id,name\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator(5).generate(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void regeneratingASmallerCatalogReplacesTheOldOneWithoutLeftovers() throws IOException {
        Path out = dir.resolve("catalog");
        generator(12).generate(out);
        Path foreignNote = Files.writeString(out.resolve("images").resolve("README.txt"), "kept");
        generator(5).generate(out);
        assertEquals(6, Files.readAllLines(out.resolve("styles.csv")).size());
        assertEquals(5, imageCount(out), "images 6..12 of the old catalog are gone");
        assertTrue(Files.exists(foreignNote), "files not named like generated images are left alone");
        assertFalse(Files.exists(out.resolve("styles.csv.tmp")));
    }

    @Test
    void anInterruptedRunLeavesNoStylesCsv() throws IOException {
        Path out = dir.resolve("catalog");
        generator(5).generate(out);
        Progress failing = new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void advance(long done) {
                throw new IllegalStateException("simulated interruption");
            }

            @Override
            public void finish() {
            }
        };
        CatalogGenerator interrupted = CatalogGenerator.builder().optProducts(5).optProgress(failing).build();
        assertThrows(IllegalStateException.class, () -> interrupted.generate(out));
        assertFalse(Files.exists(out.resolve("styles.csv")), "a half-made catalog must not look complete");
        generator(5).generate(out);
        assertTrue(Files.exists(out.resolve("styles.csv")), "an interrupted catalog can be generated again");
    }

    private static CatalogGenerator generator(int products) {
        return CatalogGenerator.builder().optProducts(products).optSeed(3).build();
    }

    private static long imageCount(Path catalog) throws IOException {
        try (Stream<Path> images = Files.list(catalog.resolve("images"))) {
            return images.filter(p -> p.getFileName().toString().endsWith(".jpg")).count();
        }
    }
}
