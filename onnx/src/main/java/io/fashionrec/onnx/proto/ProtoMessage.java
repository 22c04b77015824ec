package io.fashionrec.onnx.proto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A protobuf message as the ordered list of its fields, known and unknown alike, so that parsing and
 * writing gives back the same bytes. Parsing decodes one level: a nested message stays bytes (a
 * slice of the parsed buffer, never a copy) until {@link ProtoField#message()} parses it, which is
 * what lets a 500 MB model be opened without reading its tensors.
 *
 * <p>Until its first edit a parsed message writes its original bytes verbatim; after an edit it is
 * written field by field in canonical encoding (unedited fields keep their value bytes). The typed
 * getters follow protobuf's rules: for a singular field the last occurrence wins, and a repeated
 * numeric field may be packed or not.
 *
 * <p>Not thread-safe. A parsed message shares the parsed buffer, which must not change while the
 * message is in use.
 */
public final class ProtoMessage {

    private final List<ProtoField> fields;
    private ByteBuffer source;

    /** An empty message, to be filled with {@link #add(ProtoField)}. */
    public ProtoMessage() {
        this.fields = new ArrayList<>();
    }

    private ProtoMessage(List<ProtoField> fields, ByteBuffer source) {
        this.fields = fields;
        this.source = source;
    }

    /**
     * Parses the top level of the message in {@code bytes} from its position to its limit, leaving
     * the buffer's position alone; length-delimited values are slices of {@code bytes}.
     *
     * @throws MalformedProtoException if the bytes are not a protobuf message
     */
    public static ProtoMessage parse(ByteBuffer bytes) {
        ByteBuffer source = bytes.slice();
        WireReader in = new WireReader(source);
        List<ProtoField> fields = new ArrayList<>();
        while (in.hasMore()) {
            int at = in.offset();
            long tag = in.varint();
            long number = tag >>> 3;
            if (number < 1 || number > ProtoField.MAX_NUMBER) {
                throw new MalformedProtoException("field number " + number, at,
                        "field numbers are 1.." + ProtoField.MAX_NUMBER + "; the bytes are damaged or not protobuf");
            }
            WireType type = WireType.of((int) (tag & 7), at);
            fields.add(switch (type) {
                case VARINT -> ProtoField.varint((int) number, in.varint());
                case FIXED32 -> ProtoField.fixed32((int) number, in.fixed32());
                case FIXED64 -> ProtoField.fixed64((int) number, in.fixed64());
                case LEN -> ProtoField.bytes((int) number, in.slice(in.varint()));
            });
        }
        return new ProtoMessage(fields, source);
    }

    /** Parses {@code bytes} (shared, not copied). */
    public static ProtoMessage parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    /** All fields in wire order, unmodifiable. */
    public List<ProtoField> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The fields numbered {@code number}, in wire order. */
    public List<ProtoField> fields(int number) {
        List<ProtoField> found = new ArrayList<>();
        for (ProtoField f : fields) {
            if (f.number() == number) {
                found.add(f);
            }
        }
        return found;
    }

    /** The last field numbered {@code number} (the one that counts for a singular field). */
    public Optional<ProtoField> last(int number) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).number() == number) {
                return Optional.of(fields.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean has(int number) {
        return last(number).isPresent();
    }

    /** A singular varint field's value, or {@code absent} if the field is not there. */
    public long varint(int number, long absent) {
        return last(number).map(ProtoField::varint).orElse(absent);
    }

    /** A singular string field's value, or "" (protobuf's default) if the field is not there. */
    public String string(int number) {
        return last(number).map(ProtoField::string).orElse("");
    }

    /** A repeated string field's values in order. */
    public List<String> strings(int number) {
        List<String> values = new ArrayList<>();
        for (ProtoField f : fields) {
            if (f.number() == number) {
                values.add(f.string());
            }
        }
        return values;
    }

    /** A singular message field, parsed (see {@link ProtoField#message()}). */
    public Optional<ProtoMessage> message(int number) {
        return last(number).map(ProtoField::message);
    }

    /** A repeated message field's values in order, parsed. */
    public List<ProtoMessage> messages(int number) {
        List<ProtoMessage> values = new ArrayList<>();
        for (ProtoField f : fields) {
            if (f.number() == number) {
                values.add(f.message());
            }
        }
        return values;
    }

    /**
     * A repeated int64 (or int32, uint64, enum) field's values in order, whether packed or not, or
     * both mixed as protobuf allows.
     */
    public long[] int64s(int number) {
        long[] values = new long[8];
        int n = 0;
        for (ProtoField f : fields) {
            if (f.number() != number) {
                continue;
            }
            if (f.wireType() == WireType.LEN) {
                WireReader packed = new WireReader(f.bytes());
                while (packed.hasMore()) {
                    values = room(values, n);
                    values[n++] = packed.varint();
                }
            } else {
                values = room(values, n);
                values[n++] = f.varint();
            }
        }
        return Arrays.copyOf(values, n);
    }

    private static long[] room(long[] values, int n) {
        return n < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    /** Appends {@code field}. */
    public void add(ProtoField field) {
        edit();
        fields.add(field);
    }

    /** Inserts {@code field} before the field now at {@code index} (or at the end for size()). */
    public void add(int index, ProtoField field) {
        edit();
        fields.add(index, field);
    }

    /** Replaces the field at {@code index}. */
    public void set(int index, ProtoField field) {
        edit();
        fields.set(index, field);
    }

    /** Removes the fields {@code filter} accepts; says whether any were removed. */
    public boolean removeIf(Predicate<ProtoField> filter) {
        List<ProtoField> kept = new ArrayList<>(fields.size());
        for (ProtoField f : fields) {
            if (!filter.test(f)) {
                kept.add(f);
            }
        }
        if (kept.size() == fields.size()) {
            return false;
        }
        edit();
        fields.clear();
        fields.addAll(kept);
        return true;
    }

    /**
     * Replaces every field numbered {@code number} by {@code replacements}, which take the place of
     * the first one removed, or go at the end if there was none.
     */
    public void replace(int number, List<ProtoField> replacements) {
        int at = -1;
        for (int i = 0; i < fields.size() && at < 0; i++) {
            if (fields.get(i).number() == number) {
                at = i;
            }
        }
        removeIf(f -> f.number() == number);
        edit();
        fields.addAll(at < 0 ? fields.size() : at, replacements);
    }

    /** Whether the message is still exactly as parsed (and so writes its original bytes). */
    public boolean isPristine() {
        return source != null;
    }

    /** The number of bytes {@link #writeTo} writes. */
    public long serializedSize() {
        if (source != null) {
            return source.remaining();
        }
        long size = 0;
        for (ProtoField f : fields) {
            size += f.serializedSize();
        }
        return size;
    }

    /** Writes the encoded message to {@code out}, flushing what it buffered (the channel stays open). */
    public void writeTo(WritableByteChannel out) throws IOException {
        ProtoWriter writer = new ProtoWriter(out);
        writeTo(writer);
        writer.flush();
    }

    void writeTo(ProtoWriter out) throws IOException {
        if (source != null) {
            out.bytes(source);
            return;
        }
        for (ProtoField f : fields) {
            f.writeTo(out);
        }
    }

    /**
     * The encoded message in a new array.
     *
     * @throws IllegalStateException if it is 2 GiB or more (protobuf's own limit)
     */
    public byte[] toByteArray() {
        long size = serializedSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a message of " + size + " bytes does not fit in an array");
        }
        ByteBuffer target = ByteBuffer.allocate((int) size);
        try {
            writeTo(new BufferChannel(target));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return target.array();
    }

    private void edit() {
        source = null;
    }

    @Override
    public String toString() {
        return "ProtoMessage" + fields;
    }

    /** A channel that fills a buffer sized for exactly what is written. */
    private static final class BufferChannel implements WritableByteChannel {
        private final ByteBuffer target;

        BufferChannel(ByteBuffer target) {
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            target.put(src);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
