package io.fashionrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mixin of the benchmarks that run a peer beside fashionrec: the catalog both read, the peer's
 * script and the Python that runs it.
 */
@Command
final class PeerOptions {

    @Option(names = "--catalog", paramLabel = "DIR", required = true, description = "The catalog both sides read (e.g. ../shared/data/fashion-sample).")
    Path catalog;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "The peer script (default: this benchmark's script in the tools/ folder two levels above the catalog).")
    Path peer;

    @Option(names = "--python", paramLabel = "FILE", defaultValue = "/usr/bin/python3", description = "Python for the peer (default: ${DEFAULT-VALUE}).")
    String python;

    /**
     * The peer's script: {@code --peer}, else {@code defaultScript} as the shared folder lays it out
     * beside the catalog ({@code <catalog>/../../tools/<defaultScript>}).
     *
     * @throws BadOptionException if there is no such file
     */
    Path script(String defaultScript) {
        Path script = peer != null ? peer : catalog.toAbsolutePath().normalize().resolve("../../tools/" + defaultScript).normalize();
        if (!Files.isRegularFile(script)) {
            throw new BadOptionException("no peer script at " + script + "; name it with --peer");
        }
        return script;
    }

    /** The command line that runs {@code script} with {@code args}. */
    List<String> command(Path script, String... args) {
        return Stream.concat(Stream.of(python, script.toString()), Stream.of(args)).toList();
    }

    /** Deletes a benchmark's scratch directory and everything in it. */
    static void deleteScratch(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
