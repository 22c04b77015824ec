package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ONNX ValueInfoProto: a tensor's name and, when declared, its element type and shape. A view
 * over the message (unknown fields such as a doc string are kept); immutable.
 */
public final class ValueInfo {

    /** TensorProto.DataType.FLOAT, the element type of a float32 tensor. */
    public static final int FLOAT = 1;

    private final ProtoMessage message;

    /** Wraps a parsed ValueInfoProto. */
    public ValueInfo(ProtoMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * A tensor value info.
     *
     * @param elemType a TensorProto.DataType code (e.g. {@link #FLOAT})
     * @param shape    the dimensions, or null to declare no shape at all
     */
    public static ValueInfo tensor(String name, int elemType, List<Dim> shape) {
        ProtoMessage tensor = new ProtoMessage();
        tensor.add(ProtoField.varint(Type.TENSOR_ELEM_TYPE, elemType));
        if (shape != null) {
            ProtoMessage dims = new ProtoMessage();
            for (Dim d : shape) {
                dims.add(ProtoField.message(Type.SHAPE_DIM, d.toMessage()));
            }
            tensor.add(ProtoField.message(Type.TENSOR_SHAPE, dims));
        }
        ProtoMessage type = new ProtoMessage();
        type.add(ProtoField.message(Type.TENSOR_TYPE, tensor));
        ProtoMessage info = new ProtoMessage();
        info.add(ProtoField.string(OnnxFields.ValueInfo.NAME, name));
        info.add(ProtoField.message(OnnxFields.ValueInfo.TYPE, type));
        return new ValueInfo(info);
    }

    public String name() {
        return message.string(OnnxFields.ValueInfo.NAME);
    }

    /** The tensor element type (a TensorProto.DataType code), or 0 if not a tensor or not declared. */
    public int elemType() {
        return tensorType().map(t -> (int) t.varint(Type.TENSOR_ELEM_TYPE, 0)).orElse(0);
    }

    /** The declared dimensions, or empty if the type or its shape is not declared. */
    public Optional<List<Dim>> shape() {
        return tensorType().flatMap(t -> t.message(Type.TENSOR_SHAPE)).map(shape -> {
            List<Dim> dims = new ArrayList<>();
            for (ProtoMessage d : shape.messages(Type.SHAPE_DIM)) {
                dims.add(Dim.of(d));
            }
            return List.copyOf(dims);
        });
    }

    /** The declared rank, or empty if the shape is not declared. */
    public OptionalInt rank() {
        return shape().map(s -> OptionalInt.of(s.size())).orElse(OptionalInt.empty());
    }

    /** The underlying ValueInfoProto. */
    public ProtoMessage message() {
        return message;
    }

    private Optional<ProtoMessage> tensorType() {
        return message.message(OnnxFields.ValueInfo.TYPE).flatMap(t -> t.message(Type.TENSOR_TYPE));
    }

    @Override
    public String toString() {
        return name() + shape().map(Object::toString).orElse("[shape not declared]");
    }

    /**
     * One dimension of a tensor shape: a number, a symbolic name (such as "batch"), or neither
     * (unknown). At most one of {@code value} and {@code param} is non-null.
     */
    public record Dim(Long value, String param) {

        public Dim {
            if (value != null && param != null) {
                throw new IllegalArgumentException("a dimension is a value (" + value + ") or a name (" + param
                        + "), not both");
            }
        }

        public static Dim of(long value) {
            return new Dim(value, null);
        }

        public static Dim named(String param) {
            return new Dim(null, Objects.requireNonNull(param, "param"));
        }

        public static Dim unknown() {
            return new Dim(null, null);
        }

        static Dim of(ProtoMessage dimension) {
            if (dimension.has(Type.DIM_VALUE)) {
                return of(dimension.varint(Type.DIM_VALUE, 0));
            }
            return dimension.has(Type.DIM_PARAM) ? named(dimension.string(Type.DIM_PARAM)) : unknown();
        }

        ProtoMessage toMessage() {
            ProtoMessage m = new ProtoMessage();
            if (value != null) {
                m.add(ProtoField.varint(Type.DIM_VALUE, value));
            } else if (param != null) {
                m.add(ProtoField.string(Type.DIM_PARAM, param));
            }
            return m;
        }

        @Override
        public String toString() {
            return value != null ? value.toString() : param != null ? param : "?";
        }
    }
}
