package io.fashionrec.onnx.proto;

/**
 * The protobuf wire types this package reads and writes. Groups (wire types 3 and 4) are deprecated
 * and absent from ONNX, so they are rejected as malformed rather than modelled.
 */
public enum WireType {
    /** A base-128 varint: int32, int64, uint64, bool, enum. */
    VARINT(0),
    /** Eight little-endian bytes: fixed64, sfixed64, double. */
    FIXED64(1),
    /** A varint length and that many bytes: string, bytes, a nested message, a packed repeated field. */
    LEN(2),
    /** Four little-endian bytes: fixed32, sfixed32, float. */
    FIXED32(5);

    private final int code;

    WireType(int code) {
        this.code = code;
    }

    /** The three-bit code in a field's tag. */
    public int code() {
        return code;
    }

    /**
     * The wire type with this tag code.
     *
     * @throws MalformedProtoException for a group (3, 4) or an undefined code (6, 7)
     */
    static WireType of(int code, int offset) {
        return switch (code) {
            case 0 -> VARINT;
            case 1 -> FIXED64;
            case 2 -> LEN;
            case 5 -> FIXED32;
            case 3, 4 -> throw new MalformedProtoException("a group (wire type " + code + ")", offset,
                    "groups are deprecated and do not occur in ONNX models");
            default -> throw new MalformedProtoException("undefined wire type " + code, offset,
                    "the bytes are not a protobuf message (or are damaged)");
        };
    }
}
