package io.fashionrec.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;

/**
 * The loop the catalog fuzz tests share: for each case, a file generated from its own seed is
 * read, a thrown exception fails the test naming the seed, and the case checks what was read.
 */
final class ReaderFuzzing {

    /** One generated file and what must hold after reading it. */
    interface Case {
        byte[] bytes();

        void check(Catalog catalog, ProblemReport problems, String context);
    }

    private ReaderFuzzing() {
    }

    /** Runs {@code cases} cases with seeds {@code firstSeed, firstSeed + 1, ...}, writing each to {@code file}. */
    static void run(Path file, CatalogReader reader, long firstSeed, int cases, Function<Random, Case> generator) throws IOException {
        for (int i = 0; i < cases; i++) {
            long seed = firstSeed + i;
            String context = "seed " + seed + ": ";
            Case generated = generator.apply(new Random(seed));
            Files.write(file, generated.bytes());
            ProblemReport problems = new ProblemReport();
            Catalog catalog;
            try {
                catalog = reader.read(file, problems);
            } catch (RuntimeException e) {
                throw new AssertionError(context + "the reader threw " + e, e);
            }
            generated.check(catalog, problems, context);
        }
    }
}
