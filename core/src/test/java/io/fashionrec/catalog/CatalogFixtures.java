package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed catalog fixtures under {@code src/test/resources/catalogs/}, and helpers to check what was read. */
final class CatalogFixtures {

    static final String KAGGLE_HEADER =
            "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName";

    private CatalogFixtures() {
    }

    /**
     * Copies fixture {@code name} into {@code target} so that a test can add image files beside it
     * without touching the committed fixture.
     */
    static Path copy(String name, Path target) {
        URL url = CatalogFixtures.class.getResource("/catalogs/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture catalogs/" + name + " on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates {@code images/<id>.jpg} for each id in {@code catalogDir}. The reader only checks
     * that an image exists, so the files are empty.
     */
    static void touchImages(Path catalogDir, String... ids) throws IOException {
        Path images = Files.createDirectories(catalogDir.resolve("images"));
        for (String id : ids) {
            Files.createFile(images.resolve(id + ".jpg"));
        }
    }

    static List<String> ids(Catalog catalog) {
        return catalog.products().stream().map(Product::id).toList();
    }

    static List<String> names(Catalog catalog) {
        return catalog.products().stream().map(Product::name).toList();
    }

    /** The lines that problems of {@code kind} were reported at, in report order. */
    static List<Long> lines(ProblemReport problems, ProblemKind kind) {
        return problems.examples(kind).stream().map(p -> p.where().line()).toList();
    }

    /** Asserts that the only problem of {@code kind} is at {@code file:line} with {@code reason}. */
    static void assertOnly(ProblemReport problems, ProblemKind kind, Path file, long line, String reason) {
        List<Problem> found = problems.examples(kind);
        assertEquals(1, found.size(), () -> "problems of kind " + kind + ": " + found);
        assertEquals(new SourceLocation(file, line), found.get(0).where());
        assertEquals(reason, found.get(0).reason());
    }
}
