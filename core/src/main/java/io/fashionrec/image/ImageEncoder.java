package io.fashionrec.image;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.VectorSegment;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded product photo into a dense vector.
 *
 * <p>Contract: the input is what {@link ImageDecoder} returns ({@code TYPE_INT_RGB}, 8 bits per
 * channel, sRGB, alpha already composited onto white, EXIF orientation applied), of any size.
 * The output has length {@code descriptor().dimension()} and is the encoder's <em>raw</em>
 * embedding, not yet L2-normalised: the index normalises. Implementations are thread-safe and
 * deterministic: the same image gives the same vector, bit for bit, on the same machine.
 */
public interface ImageEncoder extends AutoCloseable {

    /** Name, version, dimension, preprocessing and model hash, written into the index. */
    EncoderDescriptor descriptor();

    /**
     * The named parts of the vector that fusion normalises and weighs separately, tiling
     * {@code [0, dimension)} in order with weights summing to 1. Default: one segment, the
     * whole vector.
     */
    default List<VectorSegment> segments() {
        return VectorSegment.whole("image", descriptor().dimension());
    }

    /**
     * The smallest image side this encoder needs for its full quality, so that callers may
     * decode large photos at a reduced resolution ({@link ImageDecoder#decode(java.nio.file.Path, int)});
     * 0 (the default) asks for full resolution.
     */
    default int minimumInputSide() {
        return 0;
    }

    /**
     * How many images one {@link #encodeBatch} call should get: 1 (the default) for encoders that
     * gain nothing from batching, so callers run them on many threads; more for a CNN, which
     * callers feed batches from one thread while other threads decode.
     */
    default int preferredBatchSize() {
        return 1;
    }

    /** The raw embedding of one image. */
    float[] encode(BufferedImage image);

    /**
     * The raw embeddings of several images, in order. Encoders that gain from batching (a CNN)
     * override this; the default encodes one at a time.
     */
    default List<float[]> encodeBatch(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            out.add(encode(image));
        }
        return out;
    }

    /** Releases native resources, if any. */
    @Override
    default void close() {
    }
}
