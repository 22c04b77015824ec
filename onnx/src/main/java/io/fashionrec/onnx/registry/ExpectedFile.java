package io.fashionrec.onnx.registry;

/**
 * What a download must turn out to be: its exact size and SHA-256.
 *
 * @param size   the size in bytes, at least 1
 * @param sha256 the SHA-256 of the whole file, 64 lowercase hex digits
 */
public record ExpectedFile(long size, String sha256) {

    public ExpectedFile {
        if (size < 1) {
            throw new IllegalArgumentException("an expected file size must be at least 1 byte, got " + size);
        }
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("an expected sha256 must be 64 lowercase hex digits, got '" + sha256 + "'");
        }
    }
}
