package io.fashionrec.server;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.index.ProductIndex;
import java.util.function.Function;

/**
 * The image encoder for photo searches, opened on the first photo search (a CNN model takes
 * seconds to load, and a server whose shoppers never upload should not pay for it), opened again
 * when a reloaded index was built with another model, and closed with the server. Thread-safe;
 * the encoder itself is thread-safe by contract.
 */
final class PhotoEncoders implements AutoCloseable {

    private final Function<ProductIndex, ImageEncoder> opener;
    private EncoderDescriptor openedFor;
    private ImageEncoder encoder;
    private RuntimeException failure;

    /** @param opener opens an encoder whose vectors are comparable with an index's, or throws saying why not */
    PhotoEncoders(Function<ProductIndex, ImageEncoder> opener) {
        this.opener = opener;
    }

    /** The encoder for {@code index}, or a 503 naming why it cannot be opened (kept per model: no retry storm). */
    synchronized ImageEncoder get(ProductIndex index) {
        if (!index.imageEncoder().equals(openedFor)) {
            close();
            openedFor = index.imageEncoder();
            failure = null;
            try {
                encoder = opener.apply(index);
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
        openedFor = null;
    }
}
