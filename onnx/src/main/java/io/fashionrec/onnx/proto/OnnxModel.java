package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Entry;
import io.fashionrec.onnx.proto.OnnxFields.Model;
import io.fashionrec.onnx.proto.OnnxFields.OpsetId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An ONNX model (ModelProto) read losslessly: writing it back without edits gives the same bytes,
 * and edits to its {@link #graph()} leave every other field, known or not, as it was.
 *
 * <p>{@link #read(Path)} memory-maps the file, so opening a model of hundreds of megabytes reads
 * only its structure, not its weights; the file must not be changed or truncated while the model is
 * in use (replacing it by a rename, as {@link #write(Path)} does, is safe on Linux and macOS).
 * Tensors stored as external data (in files beside a model of 2 GB or more) are referenced, not
 * read. Not thread-safe.
 */
public final class OnnxModel {

    private final ProtoMessage model;
    private final int graphIndex;
    private final OnnxGraph graph;

    private OnnxModel(ProtoMessage model) {
        this.model = model;
        int found = -1;
        List<ProtoField> fields = model.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).number() == Model.GRAPH) {
                if (found >= 0) {
                    throw new IllegalArgumentException("the model has more than one graph field; protobuf would merge"
                            + " them, which this reader does not do: re-save the model with the onnx package");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("no graph (ModelProto field " + Model.GRAPH + "): this is not an ONNX"
                    + " model, or it is damaged");
        }
        this.graphIndex = found;
        this.graph = new OnnxGraph(fields.get(found).message());
    }

    /**
     * Reads the model in {@code file} by memory-mapping it.
     *
     * @throws IllegalArgumentException if the file is not an ONNX model (the message says why)
     * @throws IOException              if it cannot be read
     */
    public static OnnxModel read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + " is " + size + " bytes; a protobuf message (an .onnx file)"
                        + " is at most 2 GB, larger models keep their weights in external data files");
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            try {
                return parse(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " is not a readable ONNX model: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Parses a model from {@code bytes}, position to limit; the bytes are shared, not copied.
     *
     * @throws IllegalArgumentException if they are not an ONNX model
     */
    public static OnnxModel parse(ByteBuffer bytes) {
        return new OnnxModel(ProtoMessage.parse(bytes));
    }

    /** Parses a model from {@code bytes} (shared, not copied). */
    public static OnnxModel parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    public long irVersion() {
        return model.varint(Model.IR_VERSION, 0);
    }

    public String producerName() {
        return model.string(Model.PRODUCER_NAME);
    }

    public String producerVersion() {
        return model.string(Model.PRODUCER_VERSION);
    }

    /** The operator sets imported, domain ("" for ai.onnx) to version, in file order. */
    public Map<String, Long> opsetImports() {
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (ProtoMessage m : model.messages(Model.OPSET_IMPORT)) {
            opsets.put(m.string(OpsetId.DOMAIN), m.varint(OpsetId.VERSION, 0));
        }
        return opsets;
    }

    /** The metadata_props entries in file order. */
    public Map<String, String> metadataProps() {
        Map<String, String> props = new LinkedHashMap<>();
        for (ProtoMessage m : model.messages(Model.METADATA_PROPS)) {
            props.put(m.string(Entry.KEY), m.string(Entry.VALUE));
        }
        return props;
    }

    /** The main graph; edits to it are part of this model. */
    public OnnxGraph graph() {
        return graph;
    }

    /** The ModelProto with the graph's edits in it, for fields this class does not model. */
    public ProtoMessage message() {
        if (!graph.message().isPristine()) {
            model.set(graphIndex, ProtoField.message(Model.GRAPH, graph.message()));
        }
        return model;
    }

    /** The number of bytes the model takes when written. */
    public long serializedSize() {
        return message().serializedSize();
    }

    /** Writes the model to {@code out} (which stays open). */
    public void writeTo(WritableByteChannel out) throws IOException {
        message().writeTo(out);
    }

    public byte[] toByteArray() {
        return message().toByteArray();
    }

    /**
     * Writes the model to {@code target} atomically: to a temporary file beside it, forced to disk,
     * then renamed over {@code target}. A reader sees the old file or the whole new one, never a
     * part; on failure the temporary file is removed and {@code target} is untouched.
     */
    public void write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean done = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeTo(out);
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        forceDirectory(dir);
    }

    /** Makes the rename durable where the platform allows it. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic there.
        }
    }
}
