package io.fashionrec.onnx.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Stand-in model files and preparers for the registry tests. */
final class TestModels {

    private TestModels() {
    }

    /** {@code length} random bytes from {@code seed}: a "model" as far as the registry is concerned. */
    static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static ExpectedFile expected(byte[] bytes) {
        return new ExpectedFile(bytes.length, sha256(bytes));
    }

    /** What {@link #PREPARER} writes for {@code source} and {@code arch}: the source followed by the arch id. */
    static byte[] prepared(byte[] source, String arch) {
        byte[] tail = arch.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[source.length + tail.length];
        System.arraycopy(source, 0, out, 0, source.length);
        System.arraycopy(tail, 0, out, source.length, tail.length);
        return out;
    }

    /** A preparer that appends the arch id to the source (so prepared and source hashes differ) and describes that. */
    static final ModelPreparer PREPARER = (source, arch, target) -> {
        Files.write(target, prepared(Files.readAllBytes(source), arch));
        return "copied, " + arch + " appended";
    };

    /** A preparer that fails the way a crash between download and entry would: after writing part of its output. */
    static final ModelPreparer CRASHING = (source, arch, target) -> {
        Files.write(target, new byte[] {1, 2, 3});
        throw new IOException("simulated crash while preparing");
    };

    /** Every regular file under {@code dir}, relative to it, sorted; empty if {@code dir} does not exist. */
    static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
