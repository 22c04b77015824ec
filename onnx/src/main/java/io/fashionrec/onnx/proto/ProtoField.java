package io.fashionrec.onnx.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One field of a protobuf message as it is on the wire: its number, its wire type and its value.
 * A varint or fixed value is held as its 64 bits; a length-delimited value is held either as bytes
 * (for a parsed field, a slice of the parsed buffer, not a copy) or as a {@link ProtoMessage} that is
 * encoded when written. What the value means (int64 or enum, string or nested message) is the
 * schema's business, not this class's.
 *
 * <p>Immutable, except that a field made by {@link #message(int, ProtoMessage)} shares that message.
 * Byte values are exposed as read-only buffers.
 */
public final class ProtoField {

    /** The largest field number protobuf allows (2^29 - 1). */
    public static final int MAX_NUMBER = (1 << 29) - 1;

    private final int number;
    private final WireType wireType;
    private final long scalar;
    private final ByteBuffer bytes;
    private final ProtoMessage message;

    private ProtoField(int number, WireType wireType, long scalar, ByteBuffer bytes, ProtoMessage message) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("field number " + number + " is outside 1.." + MAX_NUMBER);
        }
        this.number = number;
        this.wireType = wireType;
        this.scalar = scalar;
        this.bytes = bytes;
        this.message = message;
    }

    /** A varint field (int32, int64, uint64, bool, enum; a negative value takes 10 bytes). */
    public static ProtoField varint(int number, long value) {
        return new ProtoField(number, WireType.VARINT, value, null, null);
    }

    /** A fixed32 field (fixed32, sfixed32, or a float's bits). */
    public static ProtoField fixed32(int number, int value) {
        return new ProtoField(number, WireType.FIXED32, value & 0xFFFFFFFFL, null, null);
    }

    /** A fixed64 field (fixed64, sfixed64, or a double's bits). */
    public static ProtoField fixed64(int number, long value) {
        return new ProtoField(number, WireType.FIXED64, value, null, null);
    }

    /**
     * A length-delimited field holding the bytes of {@code value} from its position to its limit.
     * The bytes are shared, not copied: they must not change while the field is in use.
     */
    public static ProtoField bytes(int number, ByteBuffer value) {
        return new ProtoField(number, WireType.LEN, 0, value.slice().asReadOnlyBuffer(), null);
    }

    /** A length-delimited field holding {@code value} encoded as UTF-8. */
    public static ProtoField string(int number, String value) {
        return bytes(number, ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A length-delimited field holding {@code value}, encoded as it is when the field is written. */
    public static ProtoField message(int number, ProtoMessage value) {
        return new ProtoField(number, WireType.LEN, 0, null, Objects.requireNonNull(value, "value"));
    }

    public int number() {
        return number;
    }

    public WireType wireType() {
        return wireType;
    }

    /**
     * The value of a varint field as 64 bits (an int32 or enum reads back with {@code (int)}).
     *
     * @throws MalformedProtoException if this is not a varint field (likewise for the other getters)
     */
    public long varint() {
        expect(WireType.VARINT);
        return scalar;
    }

    /** The 32 bits of a fixed32 field ({@link Float#intBitsToFloat} for a float). */
    public int fixed32() {
        expect(WireType.FIXED32);
        return (int) scalar;
    }

    /** The 64 bits of a fixed64 field ({@link Double#longBitsToDouble} for a double). */
    public long fixed64() {
        expect(WireType.FIXED64);
        return scalar;
    }

    /**
     * The bytes of a length-delimited field, read-only, position 0 (encoded now if the field holds a
     * message).
     */
    public ByteBuffer bytes() {
        expect(WireType.LEN);
        return message != null ? ByteBuffer.wrap(message.toByteArray()).asReadOnlyBuffer() : bytes.duplicate();
    }

    /** The bytes of a length-delimited field decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String string() {
        return StandardCharsets.UTF_8.decode(bytes()).toString();
    }

    /**
     * The value of a length-delimited field as a message: the message itself for a field made by
     * {@link #message(int, ProtoMessage)}, else a fresh parse of the bytes (changing it changes
     * nothing here: put it back with {@link #message(int, ProtoMessage)}).
     *
     * @throws MalformedProtoException if the bytes are not a message
     */
    public ProtoMessage message() {
        expect(WireType.LEN);
        return message != null ? message : ProtoMessage.parse(bytes);
    }

    /** The length of a length-delimited value in bytes. */
    public long length() {
        expect(WireType.LEN);
        return message != null ? message.serializedSize() : bytes.remaining();
    }

    /** The number of bytes this field takes when written: tag, length prefix and value. */
    long serializedSize() {
        long tag = ProtoWriter.varintSize((long) number << 3);
        return tag + switch (wireType) {
            case VARINT -> ProtoWriter.varintSize(scalar);
            case FIXED32 -> 4;
            case FIXED64 -> 8;
            case LEN -> {
                long length = length();
                yield ProtoWriter.varintSize(length) + length;
            }
        };
    }

    void writeTo(ProtoWriter out) throws java.io.IOException {
        out.tag(number, wireType);
        switch (wireType) {
            case VARINT -> out.varint(scalar);
            case FIXED32 -> out.fixed32((int) scalar);
            case FIXED64 -> out.fixed64(scalar);
            case LEN -> {
                if (message != null) {
                    out.varint(message.serializedSize());
                    message.writeTo(out);
                } else {
                    out.varint(bytes.remaining());
                    out.bytes(bytes);
                }
            }
        }
    }

    private void expect(WireType type) {
        if (wireType != type) {
            throw new MalformedProtoException("field " + number + " has wire type " + wireType + " where " + type
                    + " is expected");
        }
    }

    @Override
    public String toString() {
        return "#" + number + " " + switch (wireType) {
            case VARINT -> "varint " + scalar;
            case FIXED32 -> "fixed32 0x" + Integer.toHexString((int) scalar);
            case FIXED64 -> "fixed64 0x" + Long.toHexString(scalar);
            case LEN -> (message != null ? "message of " : "") + length() + " bytes";
        };
    }
}
