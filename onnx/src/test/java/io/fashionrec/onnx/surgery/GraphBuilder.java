package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxAttribute;
import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ProtoField;
import io.fashionrec.onnx.proto.ProtoMessage;
import io.fashionrec.onnx.proto.ValueInfo;
import io.fashionrec.onnx.proto.ValueInfo.Dim;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small models for walks the Python fixtures do not cover. The initializers have dims and a
 * type but no data: enough to inspect and cut, not to run.
 */
final class GraphBuilder {

    private final List<ProtoField> fields = new ArrayList<>();

    /** Adds a float N x C x H x W graph input named {@code name}. */
    GraphBuilder imageInput(String name) {
        fields.add(ProtoField.message(11, ValueInfo.tensor(name, ValueInfo.FLOAT,
                List.of(Dim.named("N"), Dim.of(3), Dim.of(32), Dim.of(32))).message()));
        return this;
    }

    GraphBuilder node(String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        fields.add(ProtoField.message(1, OnnxNode.create(output + "_node", opType, inputs, List.of(output),
                Arrays.asList(attributes)).message()));
        return this;
    }

    /** A node of another operator domain. */
    GraphBuilder customNode(String domain, String opType, List<String> inputs, String output) {
        ProtoMessage node = OnnxNode.create(output + "_node", opType, inputs, List.of(output), List.of()).message();
        node.add(ProtoField.string(7, domain));
        fields.add(ProtoField.message(1, node));
        return this;
    }

    GraphBuilder initializer(String name, long... dims) {
        ProtoMessage tensor = new ProtoMessage();
        for (long d : dims) {
            tensor.add(ProtoField.varint(1, d));
        }
        tensor.add(ProtoField.varint(2, ValueInfo.FLOAT));
        tensor.add(ProtoField.string(8, name));
        fields.add(ProtoField.message(5, tensor));
        return this;
    }

    /** Adds a graph output; {@code dims} null leaves its shape undeclared. */
    GraphBuilder output(String name, List<Dim> dims) {
        fields.add(ProtoField.message(12, ValueInfo.tensor(name, ValueInfo.FLOAT, dims).message()));
        return this;
    }

    OnnxModel build() {
        ProtoMessage graph = new ProtoMessage();
        fields.forEach(graph::add);
        graph.add(ProtoField.string(2, "built"));
        ProtoMessage opset = new ProtoMessage();
        opset.add(ProtoField.varint(2, 13));
        ProtoMessage model = new ProtoMessage();
        model.add(ProtoField.varint(1, 8));
        model.add(ProtoField.message(7, graph));
        model.add(ProtoField.message(8, opset));
        return OnnxModel.parse(model.toByteArray());
    }
}
