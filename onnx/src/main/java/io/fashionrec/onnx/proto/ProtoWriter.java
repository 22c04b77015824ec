package io.fashionrec.onnx.proto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Encodes wire primitives onto a channel. Small values collect in a buffer; long byte runs (a
 * tensor's raw data) go to the channel in bounded chunks, so a slice of a memory-mapped file is
 * written without passing through the Java heap, and a heap slice never makes the channel allocate a
 * temporary direct buffer as large as the slice. Not thread-safe; call {@link #flush()} at the end.
 */
final class ProtoWriter {

    private static final int BUFFER = 1 << 16;
    private static final int CHUNK = 1 << 20;

    private final WritableByteChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    ProtoWriter(WritableByteChannel out) {
        this.out = out;
    }

    /** The number of bytes {@code value} takes as a varint: 1 to 10 (negative values take 10). */
    static int varintSize(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    void tag(int number, WireType type) throws IOException {
        varint((long) number << 3 | type.code());
    }

    void varint(long value) throws IOException {
        room(10);
        while ((value & ~0x7FL) != 0) {
            buffer.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        buffer.put((byte) value);
    }

    void fixed32(int value) throws IOException {
        room(4);
        for (int i = 0; i < 4; i++) {
            buffer.put((byte) (value >>> 8 * i));
        }
    }

    void fixed64(long value) throws IOException {
        fixed32((int) value);
        fixed32((int) (value >>> 32));
    }

    /** Writes the bytes of {@code src} from its position to its limit, leaving {@code src} untouched. */
    void bytes(ByteBuffer src) throws IOException {
        int length = src.remaining();
        if (length <= buffer.remaining()) {
            buffer.put(src.duplicate());
            return;
        }
        flush();
        for (int at = src.position(); at < src.limit(); at += CHUNK) {
            drain(src.slice(at, Math.min(CHUNK, src.limit() - at)));
        }
    }

    void flush() throws IOException {
        buffer.flip();
        drain(buffer);
        buffer.clear();
    }

    private void room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    private void drain(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            out.write(src);
        }
    }
}
