package io.fashionrec.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the shared 2,000-product sample lives. Tests use it by path; it is never copied into the
 * repository. {@code -Dfashionrec.sample=DIR} or the environment variable {@code FASHIONREC_SAMPLE} name it
 * explicitly; otherwise the nearest {@code ../shared/data/fashion-sample} above the working
 * directory is used (a checkout beside {@code shared/}, or a worktree one level deeper).
 */
public final class SampleData {

    private SampleData() {
    }

    /** The sample catalog's directory (styles.csv + images/). Fails the test if it is missing. */
    public static Path catalog() {
        Path dir = locate();
        if (!Files.isRegularFile(dir.resolve("styles.csv"))) {
            throw new IllegalStateException("the shared sample catalog is not at " + dir
                    + "; pass -Dfashionrec.sample=DIR pointing at a fashion-sample directory");
        }
        return dir;
    }

    /** Skips the calling test (rather than failing it) when the sample is absent. */
    public static Path catalogOrSkip() {
        Path dir = locate();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("styles.csv")), "shared sample not found at " + dir);
        return dir;
    }

    private static Path locate() {
        String configured = System.getProperty("fashionrec.sample");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("FASHIONREC_SAMPLE");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/data/fashion-sample").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../shared/data/fashion-sample").normalize();
    }
}
