package io.fashionrec.server;

import io.fashionrec.image.ImageEncoder;
import java.util.function.Supplier;

/**
 * The image encoder for photo searches, opened on the first photo search (a CNN model takes
 * seconds to load, and a server whose shoppers never upload should not pay for it) and closed
 * with the server. Thread-safe; the encoder itself is thread-safe by contract.
 */
final class PhotoEncoders implements AutoCloseable {

    private final Supplier<ImageEncoder> opener;
    private ImageEncoder encoder;
    private RuntimeException failure;

    /** @param opener opens an encoder whose vectors are comparable with the index's, or throws saying why not */
    PhotoEncoders(Supplier<ImageEncoder> opener) {
        this.opener = opener;
    }

    /** The encoder, or a 503 naming why it cannot be opened (the reason is kept: no retry storm). */
    synchronized ImageEncoder get() {
        if (encoder == null && failure == null) {
            try {
                encoder = opener.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new ApiException(503, "photo search is unavailable: " + failure.getMessage());
        }
        return encoder;
    }

    @Override
    public synchronized void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
