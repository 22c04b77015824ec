package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An ONNX AttributeProto: a named operator parameter. A view over the message; immutable. */
public final class OnnxAttribute {

    /** AttributeProto.AttributeType codes. */
    public static final int FLOAT = 1;
    public static final int INT = 2;
    public static final int STRING = 3;
    public static final int TENSOR = 4;
    public static final int GRAPH = 5;
    public static final int INTS = 7;
    public static final int GRAPHS = 10;

    private final ProtoMessage message;

    /** Wraps a parsed AttributeProto. */
    public OnnxAttribute(ProtoMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    /** An INT attribute. */
    public static OnnxAttribute ofInt(String name, long value) {
        ProtoMessage m = new ProtoMessage();
        m.add(ProtoField.string(Attribute.NAME, name));
        m.add(ProtoField.varint(Attribute.I, value));
        m.add(ProtoField.varint(Attribute.TYPE, INT));
        return new OnnxAttribute(m);
    }

    /** An INTS attribute, written unpacked as onnx.proto (proto2) declares it. */
    public static OnnxAttribute ofInts(String name, long... values) {
        ProtoMessage m = new ProtoMessage();
        m.add(ProtoField.string(Attribute.NAME, name));
        for (long v : values) {
            m.add(ProtoField.varint(Attribute.INTS, v));
        }
        m.add(ProtoField.varint(Attribute.TYPE, INTS));
        return new OnnxAttribute(m);
    }

    public String name() {
        return message.string(Attribute.NAME);
    }

    /** The AttributeType code, 0 if undeclared (IR version 1 files). */
    public int type() {
        return (int) message.varint(Attribute.TYPE, 0);
    }

    /** The INT value (0 if absent). */
    public long i() {
        return message.varint(Attribute.I, 0);
    }

    /** The FLOAT value (0 if absent). */
    public float f() {
        return message.last(Attribute.F).map(f -> Float.intBitsToFloat(f.fixed32())).orElse(0f);
    }

    /** The STRING value decoded as UTF-8 ("" if absent). */
    public String s() {
        return message.string(Attribute.S);
    }

    /** The INTS values. */
    public long[] ints() {
        return message.int64s(Attribute.INTS);
    }

    /** The TENSOR value (a TensorProto), if any. */
    public Optional<ProtoMessage> tensor() {
        return message.message(Attribute.T);
    }

    /** The GRAPH value and the GRAPHS values (GraphProtos), in order. */
    public List<ProtoMessage> graphs() {
        List<ProtoMessage> graphs = new ArrayList<>(message.messages(Attribute.G));
        graphs.addAll(message.messages(Attribute.GRAPHS));
        return graphs;
    }

    /** The underlying AttributeProto. */
    public ProtoMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return name() + "(type " + type() + ")";
    }
}
