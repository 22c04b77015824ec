package io.fashionrec.onnx.proto;

/**
 * Bytes that are not a well-formed protobuf message: a truncated or over-long varint, a length
 * running past the end, a group or an undefined wire type, or a field whose wire type contradicts
 * the schema reading it. Unchecked because it reports bad input,
 * like the {@link IllegalArgumentException} it extends.
 */
public final class MalformedProtoException extends IllegalArgumentException {

    private final int offset;

    MalformedProtoException(String what, int offset, String hint) {
        super("malformed protobuf: " + what + " at byte " + offset + " of the message; " + hint);
        this.offset = offset;
    }

    /** A field whose wire type is not the one its schema declares. */
    MalformedProtoException(String what) {
        super("malformed protobuf: " + what + "; the bytes are damaged or not the message expected");
        this.offset = -1;
    }

    /**
     * Where the problem was found, in bytes from the start of the (sub)message being parsed, or -1
     * for a wire type that does not match the schema.
     */
    public int offset() {
        return offset;
    }
}
