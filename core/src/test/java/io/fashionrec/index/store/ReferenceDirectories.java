package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The command line the reference-file generators share: write one reference index into a new
 * directory named by the single argument, without the writer's lock file.
 */
final class ReferenceDirectories {

    private ReferenceDirectories() {
    }

    /** Runs {@code write} on the directory {@code args[0]}, which must not exist yet; exits 2 on bad arguments. */
    static void generate(String program, String[] args, Function<Path, Manifest> write) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + program + " NEW_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) {
            System.err.println(dir + " exists; name a new directory");
            System.exit(2);
        }
        write.apply(dir);
        // The lock file is the writer's, not part of the index.
        Files.delete(dir.resolve(IndexFiles.LOCK_FILE));
    }
}
