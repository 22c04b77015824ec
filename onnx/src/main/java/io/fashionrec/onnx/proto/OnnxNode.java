package io.fashionrec.onnx.proto;

import io.fashionrec.onnx.proto.OnnxFields.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ONNX NodeProto: one operator application. A view over the message (unknown fields kept);
 * immutable.
 */
public final class OnnxNode {

    private final ProtoMessage message;
    private final List<String> inputs;
    private final List<String> outputs;
    private final String name;
    private final String opType;
    private final String domain;
    private final List<OnnxAttribute> attributes;

    /** Wraps a parsed NodeProto. */
    public OnnxNode(ProtoMessage message) {
        this.message = Objects.requireNonNull(message, "message");
        this.inputs = List.copyOf(message.strings(Node.INPUT));
        this.outputs = List.copyOf(message.strings(Node.OUTPUT));
        this.name = message.string(Node.NAME);
        this.opType = message.string(Node.OP_TYPE);
        this.domain = message.string(Node.DOMAIN);
        this.attributes = message.messages(Node.ATTRIBUTE).stream().map(OnnxAttribute::new).toList();
    }

    /** A node of the default (ai.onnx) domain, its fields in the order onnx writes them. */
    public static OnnxNode create(String name, String opType, List<String> inputs, List<String> outputs,
            List<OnnxAttribute> attributes) {
        ProtoMessage m = new ProtoMessage();
        inputs.forEach(i -> m.add(ProtoField.string(Node.INPUT, i)));
        outputs.forEach(o -> m.add(ProtoField.string(Node.OUTPUT, o)));
        m.add(ProtoField.string(Node.NAME, name));
        m.add(ProtoField.string(Node.OP_TYPE, opType));
        attributes.forEach(a -> m.add(ProtoField.message(Node.ATTRIBUTE, a.message())));
        return new OnnxNode(m);
    }

    /** The input tensor names in order; "" marks an omitted optional input. */
    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    public String name() {
        return name;
    }

    public String opType() {
        return opType;
    }

    /** The operator domain as written ("" for the default domain). */
    public String domain() {
        return domain;
    }

    /** Whether the operator is a standard ONNX one (domain "" or "ai.onnx"). */
    public boolean isStandard() {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }

    /** Whether this is the standard operator {@code opType}. */
    public boolean is(String opType) {
        return isStandard() && this.opType.equals(opType);
    }

    public List<OnnxAttribute> attributes() {
        return attributes;
    }

    public Optional<OnnxAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * Every tensor name this node reads: its inputs, and the names its subgraphs (If, Loop, Scan
     * bodies) read, since a subgraph may use any tensor of the enclosing scope without declaring it.
     * Names a subgraph produces itself are included too: the over-approximation only keeps more.
     */
    public Set<String> referencedNames() {
        Set<String> names = new LinkedHashSet<>();
        inputs.stream().filter(i -> !i.isEmpty()).forEach(names::add);
        for (OnnxAttribute a : attributes) {
            for (ProtoMessage graph : a.graphs()) {
                for (ProtoMessage node : graph.messages(OnnxFields.Graph.NODE)) {
                    names.addAll(new OnnxNode(node).referencedNames());
                }
            }
        }
        return names;
    }

    /** The underlying NodeProto. */
    public ProtoMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return opType + (name.isEmpty() ? "" : " '" + name + "'");
    }
}
