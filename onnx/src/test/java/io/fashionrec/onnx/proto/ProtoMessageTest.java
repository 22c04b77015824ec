package io.fashionrec.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProtoMessageTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] encodeVarint(long value) {
        ProtoMessage m = new ProtoMessage();
        m.add(ProtoField.varint(1, value));
        byte[] bytes = m.toByteArray();
        assertEquals(0x08, bytes[0], "tag of field 1, varint");
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    @Test
    void varintEdgeCasesHaveTheirCanonicalBytes() {
        assertEquals("00", HEX.formatHex(encodeVarint(0)));
        assertEquals("7f", HEX.formatHex(encodeVarint(127)));
        assertEquals("8001", HEX.formatHex(encodeVarint(128)));
        assertEquals("ac02", HEX.formatHex(encodeVarint(300)));
        assertEquals("ffffffffffffffff7f", HEX.formatHex(encodeVarint(Long.MAX_VALUE)));
        // A negative int64 (or int32) is its 64-bit two's complement: always 10 bytes.
        assertEquals("ffffffffffffffffff01", HEX.formatHex(encodeVarint(-1)));
        assertEquals("80808080808080808001", HEX.formatHex(encodeVarint(Long.MIN_VALUE)));
        for (long v : new long[] {0, 127, 128, 300, Long.MAX_VALUE, -1, Long.MIN_VALUE, -2}) {
            assertEquals(ProtoWriter.varintSize(v), encodeVarint(v).length, "size of " + v);
            byte[] field = new byte[1 + encodeVarint(v).length];
            field[0] = 0x08;
            System.arraycopy(encodeVarint(v), 0, field, 1, field.length - 1);
            assertEquals(v, ProtoMessage.parse(field).varint(1, 42), "decode " + v);
        }
    }

    @Test
    void randomVarintsRoundTrip() {
        long seed = 4711;
        Random random = new Random(seed);
        ProtoMessage m = new ProtoMessage();
        long[] values = new long[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong() >>> random.nextInt(64);
            m.add(ProtoField.varint(1 + i, values[i]));
        }
        ProtoMessage back = ProtoMessage.parse(m.toByteArray());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back.varint(1 + i, -1), "field " + (1 + i) + ", seed " + seed);
        }
    }

    @Test
    void malformedVarintsAreRejectedWithTheirOffset() {
        MalformedProtoException cut = assertThrows(MalformedProtoException.class,
                () -> ProtoMessage.parse(HEX.parseHex("08ff")));
        assertEquals(1, cut.offset());
        assertTrue(cut.getMessage().contains("cut off"), cut.getMessage());
        assertThrows(MalformedProtoException.class, () -> ProtoMessage.parse(HEX.parseHex("08ffffffffffffffffff02")));
        assertThrows(MalformedProtoException.class, () -> ProtoMessage.parse(HEX.parseHex("08ffffffffffffffffffff01")));
    }

    @Test
    void groupsLengthsPastTheEndAndFieldZeroAreMalformed() {
        MalformedProtoException group = assertThrows(MalformedProtoException.class,
                () -> ProtoMessage.parse(HEX.parseHex("0b0c")));
        assertTrue(group.getMessage().contains("group"), group.getMessage());
        MalformedProtoException length = assertThrows(MalformedProtoException.class,
                () -> ProtoMessage.parse(HEX.parseHex("0a05616263")));
        assertTrue(length.getMessage().contains("a length of 5 where only 3 bytes remain"), length.getMessage());
        assertThrows(MalformedProtoException.class, () -> ProtoMessage.parse(HEX.parseHex("0001")));
        assertThrows(MalformedProtoException.class, () -> ProtoMessage.parse(HEX.parseHex("0e")));
        assertThrows(MalformedProtoException.class, () -> ProtoMessage.parse(HEX.parseHex("0d0102")));
    }

    /** Every wire type, unknown to any schema, repeated, out of order, with a non-canonical varint. */
    private static final byte[] ALL_WIRE_TYPES = HEX.parseHex(
            "089601" // #1 varint 150
                    + "11" + "8000000000000000" // #2 fixed64 0x80
                    + "1a03" + "616263" // #3 length-delimited "abc"
                    + "25" + "0000803f" // #4 fixed32, the float 1.0
                    + "f8ffffff0f" + "2a" // #(2^29 - 1), the highest number, varint 42
                    + "0880808000" // #1 again: 0 spelled in 5 bytes (non-canonical)
                    + "2a07" + "08011203646566" // #5 a nested message {1: 1, 2: "def"}
                    + "0a00"); // #1 again, now length-delimited and empty

    @Test
    void unknownFieldsOfEveryWireTypeRoundTripByteForByte() throws Exception {
        ProtoMessage m = ProtoMessage.parse(ALL_WIRE_TYPES);
        assertEquals(8, m.fields().size());
        assertEquals(List.of(WireType.VARINT, WireType.FIXED64, WireType.LEN, WireType.FIXED32, WireType.VARINT,
                WireType.VARINT, WireType.LEN, WireType.LEN), m.fields().stream().map(ProtoField::wireType).toList());
        assertEquals(150, m.fields().get(0).varint());
        assertEquals(0x80L, m.fields().get(1).fixed64());
        assertEquals("abc", m.fields().get(2).string());
        assertEquals(1.0f, Float.intBitsToFloat(m.fields().get(3).fixed32()));
        assertEquals(ProtoField.MAX_NUMBER, m.fields().get(4).number());
        assertEquals("def", m.fields().get(6).message().string(2));
        assertTrue(m.isPristine());
        assertArrayEquals(ALL_WIRE_TYPES, m.toByteArray());
        assertEquals(ALL_WIRE_TYPES.length, m.serializedSize());

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        m.writeTo(Channels.newChannel(streamed));
        assertArrayEquals(ALL_WIRE_TYPES, streamed.toByteArray());
    }

    @Test
    void editingOneFieldKeepsTheOthersAndTheirOrder() {
        ProtoMessage m = ProtoMessage.parse(ALL_WIRE_TYPES);
        m.set(2, ProtoField.string(3, "xyz"));
        assertFalse(m.isPristine());
        byte[] written = m.toByteArray();
        // Only "abc" -> "xyz" changes, and the non-canonical 5-byte zero is re-encoded as one byte.
        String hex = HEX.formatHex(written);
        assertEquals(HEX.formatHex(ALL_WIRE_TYPES).replace("1a03616263", "1a0378797a").replace("0880808000", "0800"), hex);
        assertEquals(written.length, m.serializedSize());
    }

    @Test
    void lengthDelimitedValuesAreSlicesOfTheParsedBufferNotCopies() {
        byte[] bytes = HEX.parseHex("1a03616263");
        ProtoField f = ProtoMessage.parse(bytes).fields().get(0);
        bytes[2] = 'z';
        assertEquals("zbc", f.string());
        assertTrue(f.bytes().isReadOnly());
    }

    @Test
    void packedAndUnpackedRepeatedInt64sReadAlike() {
        ProtoMessage unpacked = ProtoMessage.parse(HEX.parseHex("0802" + "0803" + "08ffffffffffffffffff01"));
        ProtoMessage packed = ProtoMessage.parse(HEX.parseHex("0a0c" + "02" + "03" + "ffffffffffffffffff01"));
        ProtoMessage mixed = ProtoMessage.parse(HEX.parseHex("0802" + "0a0b" + "03" + "ffffffffffffffffff01"));
        long[] expected = {2, 3, -1};
        assertArrayEquals(expected, unpacked.int64s(1));
        assertArrayEquals(expected, packed.int64s(1));
        assertArrayEquals(expected, mixed.int64s(1));
        assertArrayEquals(new long[0], packed.int64s(2));
    }

    @Test
    void theLastOccurrenceOfASingularFieldWins() {
        ProtoMessage m = ProtoMessage.parse(HEX.parseHex("0801" + "1203616263" + "0802"));
        assertEquals(2, m.varint(1, 0));
        assertEquals(9, m.varint(3, 9));
        assertEquals("", m.string(4));
    }

    @Test
    void aWireTypeTheSchemaDoesNotExpectIsMalformed() {
        ProtoMessage m = ProtoMessage.parse(HEX.parseHex("0801"));
        MalformedProtoException e = assertThrows(MalformedProtoException.class, () -> m.string(1));
        assertTrue(e.getMessage().contains("field 1 has wire type VARINT where LEN is expected"), e.getMessage());
    }

    /** Golden bytes from Python: onnx.helper.make_node('Flatten', ['p'], ['embedding'], name=..., axis=1). */
    @Test
    void aHandBuiltNodeMatchesOnnxPythonsEncoding() {
        OnnxNode node = OnnxNode.create("fashionrec/Flatten", "Flatten", List.of("p"), List.of("embedding"),
                List.of(OnnxAttribute.ofInt("axis", 1)));
        assertEquals("0a01701209656d62656464696e671a1266617368696f6e7265632f466c617474656e2207466c617474656e"
                + "2a0b0a04617869731801a00102", HEX.formatHex(node.message().toByteArray()));
    }

    /** Golden bytes from Python: onnx.helper.make_tensor_value_info('embedding', FLOAT, ['batch', 1024]). */
    @Test
    void aHandBuiltValueInfoMatchesOnnxPythonsEncoding() {
        ValueInfo v = ValueInfo.tensor("embedding", ValueInfo.FLOAT, List.of(ValueInfo.Dim.named("batch"),
                ValueInfo.Dim.of(1024)));
        assertEquals("0a09656d62656464696e6712140a120801120e0a07120562617463680a03088008",
                HEX.formatHex(v.message().toByteArray()));
        ValueInfo back = new ValueInfo(ProtoMessage.parse(v.message().toByteArray()));
        assertEquals("embedding[batch, 1024]", back.toString());
        assertEquals(ValueInfo.FLOAT, back.elemType());
    }

    /** Golden bytes from Python: onnx.helper.make_attribute('axes', [2, 3]) (unpacked, as proto2 has it). */
    @Test
    void aHandBuiltIntsAttributeMatchesOnnxPythonsEncoding() {
        OnnxAttribute a = OnnxAttribute.ofInts("axes", 2, 3);
        assertEquals("0a046178657340024003a00107", HEX.formatHex(a.message().toByteArray()));
        assertArrayEquals(new long[] {2, 3}, new OnnxAttribute(ProtoMessage.parse(a.message().toByteArray())).ints());
    }

    @Test
    void aMessageFieldIsEncodedWithItsCurrentLength() {
        ProtoMessage inner = new ProtoMessage();
        inner.add(ProtoField.string(1, "a"));
        ProtoMessage outer = new ProtoMessage();
        outer.add(ProtoField.message(2, inner));
        outer.add(ProtoField.fixed64(3, -1L));
        assertEquals("12030a0161" + "19ffffffffffffffff", HEX.formatHex(outer.toByteArray()));
        assertEquals(14, outer.serializedSize());
    }

    @Test
    void replacePutsTheNewFieldsWhereTheOldOnesWere() {
        ProtoMessage m = ProtoMessage.parse(HEX.parseHex("0801" + "1001" + "0802" + "1801"));
        m.replace(1, List.of(ProtoField.varint(1, 7)));
        assertEquals("0807" + "1001" + "1801", HEX.formatHex(m.toByteArray()));
        m.replace(4, List.of(ProtoField.varint(4, 9)));
        assertEquals("0807" + "1001" + "1801" + "2009", HEX.formatHex(m.toByteArray()));
    }

    @Test
    void aLargeSliceIsStreamedInChunksUnchanged() throws Exception {
        byte[] payload = new byte[3 << 20];
        new Random(99).nextBytes(payload);
        ProtoMessage m = new ProtoMessage();
        m.add(ProtoField.varint(1, 5));
        m.add(ProtoField.bytes(9, ByteBuffer.wrap(payload)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(Channels.newChannel(out));
        ProtoMessage back = ProtoMessage.parse(out.toByteArray());
        assertEquals(5, back.varint(1, 0));
        ByteBuffer read = back.fields().get(1).bytes();
        assertEquals(ByteBuffer.wrap(payload), read);
    }
}
