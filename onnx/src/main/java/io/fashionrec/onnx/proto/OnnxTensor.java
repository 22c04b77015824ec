package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An ONNX TensorProto (an initializer, or a Constant's value): its name, element type and dims, and
 * where its data is. Reading these never touches the data itself. A view over the message;
 * immutable.
 */
public final class OnnxTensor {

    /** TensorProto.DataType.INT64. */
    public static final int INT64 = 7;

    private final ProtoMessage message;

    /** Wraps a parsed TensorProto. */
    public OnnxTensor(ProtoMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    public String name() {
        return message.string(Tensor.NAME);
    }

    /** The TensorProto.DataType code. */
    public int dataType() {
        return (int) message.varint(Tensor.DATA_TYPE, 0);
    }

    public long[] dims() {
        return message.int64s(Tensor.DIMS);
    }

    /** Whether the data lives in a separate file (TensorProto.DataLocation.EXTERNAL). */
    public boolean isExternal() {
        return message.varint(Tensor.DATA_LOCATION, 0) == Tensor.LOCATION_EXTERNAL;
    }

    /**
     * The values of an INT64 tensor held in the model (raw little-endian data or int64_data), or
     * empty for another element type or external data.
     */
    public Optional<long[]> int64Values() {
        if (dataType() != INT64 || isExternal()) {
            return Optional.empty();
        }
        Optional<ProtoField> raw = message.last(Tensor.RAW_DATA);
        if (raw.isEmpty()) {
            return Optional.of(message.int64s(Tensor.INT64_DATA));
        }
        ByteBuffer bytes = raw.get().bytes().order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() % Long.BYTES != 0) {
            throw new MalformedProtoException("INT64 tensor '" + name() + "' has " + bytes.remaining()
                    + " bytes of raw data, not a multiple of 8");
        }
        long[] values = new long[bytes.remaining() / Long.BYTES];
        bytes.asLongBuffer().get(values);
        return Optional.of(values);
    }

    /** The underlying TensorProto. */
    public ProtoMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(dims()) + " type " + dataType();
    }
}
