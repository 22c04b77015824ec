package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.time.Instant;
import java.util.Objects;

/**
 * What the cache knows about one prepared model ({@code model.json} beside {@code model.onnx}).
 *
 * @param name         the model name, which is also its directory in the cache
 * @param arch         the architecture it was prepared for
 * @param preset       the input normalisation it expects
 * @param sha256       SHA-256 of the prepared model file, lowercase hex
 * @param size         size of the prepared model file in bytes
 * @param source       where the original came from: the URL it was downloaded from, or the absolute
 *                     path of the imported file
 * @param sourceSha256 SHA-256 of the original file, lowercase hex
 * @param preparation  the preparer's one-line description of what it did
 * @param created      when the entry was written
 */
public record CacheEntry(String name, Arch arch, Preset preset, String sha256, long size, String source, String sourceSha256,
                         String preparation, Instant created) {

    public CacheEntry {
        ModelName.check(name);
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(preparation, "preparation");
        Objects.requireNonNull(created, "created");
        if (!Sha256.isHex(sha256) || !Sha256.isHex(sourceSha256)) {
            throw new IllegalArgumentException("sha256 values must be 64 lowercase hex digits, got '" + sha256 + "' and '" + sourceSha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
