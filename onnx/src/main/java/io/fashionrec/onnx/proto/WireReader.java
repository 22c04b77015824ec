package io.fashionrec.onnx.proto;

import java.nio.ByteBuffer;

/**
 * A cursor over one message's bytes that decodes wire primitives with absolute reads, so the
 * buffer's own position is never touched and a memory-mapped buffer is read in place. Not
 * thread-safe; one per parse.
 */
final class WireReader {

    private static final String DAMAGED = "the bytes are damaged or not a protobuf message";

    private final ByteBuffer buf;
    private final int start;
    private final int end;
    private int pos;

    /** Reads {@code buf} from its position to its limit. */
    WireReader(ByteBuffer buf) {
        this.buf = buf;
        this.start = buf.position();
        this.end = buf.limit();
        this.pos = start;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The offset of the next byte, from the start of the message. */
    int offset() {
        return pos - start;
    }

    /** A base-128 varint of at most 10 bytes whose value fits in 64 bits. */
    long varint() {
        int at = offset();
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= end) {
                throw new MalformedProtoException("a varint cut off by the end of the message", at, DAMAGED);
            }
            int b = buf.get(pos++) & 0xFF;
            if (shift == 63 && b > 1) {
                throw new MalformedProtoException("a varint longer than 64 bits", at, DAMAGED);
            }
            result |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return result;
            }
        }
    }

    int fixed32() {
        int at = require(4);
        int v = (buf.get(at) & 0xFF) | (buf.get(at + 1) & 0xFF) << 8 | (buf.get(at + 2) & 0xFF) << 16
                | (buf.get(at + 3) & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long fixed64() {
        long low = fixed32() & 0xFFFFFFFFL;
        long high = fixed32() & 0xFFFFFFFFL;
        return low | high << 32;
    }

    /** The next {@code length} bytes as a slice of the same memory (no copy). */
    ByteBuffer slice(long length) {
        if (length < 0 || length > end - pos) {
            throw new MalformedProtoException("a length of " + length + " where only " + (end - pos)
                    + " bytes remain", offset(), DAMAGED);
        }
        ByteBuffer slice = buf.slice(pos, (int) length);
        pos += (int) length;
        return slice;
    }

    private int require(int n) {
        if (end - pos < n) {
            throw new MalformedProtoException("a " + n + "-byte fixed value cut off by the end of the message",
                    offset(), DAMAGED);
        }
        return pos;
    }
}
