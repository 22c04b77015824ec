package io.fashionrec.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over a byte array that stops a reader which
 * keeps reading past the end. TwelveMonkeys' lossless WebP decoder treats the end of the data as
 * an endless supply of bits: on a damaged file it decodes garbage for minutes, catching an
 * EOFException per byte. Valid files of any format touch the end a handful of times (read-ahead),
 * far below the allowance.
 *
 * <p>Not thread-safe, like every ImageInputStream; the array is not copied and must not change.
 */
final class ByteArrayImageInput extends ImageInputStreamImpl {

    /** Reads at the end of the data tolerated before the decoding is abandoned. */
    static final int READS_PAST_END_ALLOWED = 1024;

    private final byte[] data;
    private int readsPastEnd;

    ByteArrayImageInput(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.length) {
            countReadPastEnd();
            return -1;
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, buffer.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            countReadPastEnd();
            return -1;
        }
        int count = (int) Math.min(length, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, buffer, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return data.length;
    }

    private void countReadPastEnd() throws IIOException {
        if (++readsPastEnd > READS_PAST_END_ALLOWED) {
            throw new IIOException("the decoder kept reading past the end of the " + data.length + "-byte data");
        }
    }
}
