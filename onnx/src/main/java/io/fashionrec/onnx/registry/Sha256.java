package io.fashionrec.onnx.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of files, in lowercase hex, the form the registry stores and compares. */
final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_BYTES = 1 << 16;

    private Sha256() {
    }

    /** Whether {@code text} is a SHA-256 in lowercase hex (64 characters). */
    static boolean isHex(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The digest's value in lowercase hex; resets the digest. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of the whole of {@code file}. */
    static String of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = newDigest();
            update(digest, channel, channel.size());
            return hex(digest);
        }
    }

    /**
     * Feeds the first {@code length} bytes of {@code channel} into {@code digest}, reading by
     * absolute position (the channel's position is left alone).
     */
    static void update(MessageDigest digest, FileChannel channel, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file ended after " + position + " bytes while " + length + " were expected");
            }
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
    }

    /**
     * Copies {@code source} to {@code target} (created or truncated), forces it to disk, and
     * returns the SHA-256 of the bytes copied: one read serves both, so the hash is that of the copy
     * even if {@code source} changes meanwhile.
     */
    static String copy(Path source, Path target) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
        }
        AtomicFiles.force(target);
        return hex(digest);
    }
}
