package io.fashionrec.bench;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample of 2,000 real products that the benchmarks measure on, read by path (it is
 * never copied into the repository).
 *
 * <p>Where it is: the system property {@code fashionrec.sample}, else the environment variable
 * {@code FASHIONREC_SAMPLE}, else {@code ../shared/data/fashion-sample} beside the repository
 * that holds the benchmark classes (the nearest such directory above them, so a checkout beside
 * {@code shared/} and a worktree one level deeper both find it, whatever the working directory).
 * JMH's forked JVMs inherit the host's {@code -D} options and environment, so either setting
 * reaches the benchmarks.
 */
final class SampleCatalog {

    static final String PROPERTY = "fashionrec.sample";
    static final String ENVIRONMENT = "FASHIONREC_SAMPLE";
    private static final String BESIDE_REPOSITORY = "../shared/data/fashion-sample";

    private SampleCatalog() {
    }

    /**
     * Reads the sample catalog.
     *
     * @throws IllegalStateException if the sample cannot be found, or the directory named has no
     *                               {@code styles.csv}; the message names the place and the fix
     */
    static Catalog read() {
        Path dir = locate();
        if (!Files.isRegularFile(dir.resolve("styles.csv"))) {
            throw new IllegalStateException("the shared sample catalog is not at " + dir + " (no styles.csv there); run with -D"
                    + PROPERTY + "=DIR or " + ENVIRONMENT + "=DIR naming a fashion-sample directory");
        }
        try {
            return Catalogs.read(dir, new ProblemReport());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample catalog at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first product of {@code catalog} that has a photo: one fixed, real photo for the
     * per-image benchmarks.
     */
    static Product firstWithImage(Catalog catalog) {
        return catalog.products().stream()
                .filter(p -> p.image() != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the sample catalog at " + catalog.source()
                        + " has no product with a photo; the image benchmarks need one"));
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path classes = benchmarkClasses();
        for (Path p = classes.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(BESIDE_REPOSITORY).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + BESIDE_REPOSITORY + " beside any directory above " + classes
                + "; run with -D" + PROPERTY + "=DIR or " + ENVIRONMENT + "=DIR naming a fashion-sample directory");
    }

    /** bench/target/benchmarks.jar or bench/target/classes: a place inside the repository. */
    private static Path benchmarkClasses() {
        try {
            return Path.of(SampleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the benchmark classes are loaded from; run with -D" + PROPERTY
                    + "=DIR naming the fashion-sample directory", e);
        }
    }
}
