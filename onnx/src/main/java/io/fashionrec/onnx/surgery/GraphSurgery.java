package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxAttribute;
import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.OnnxTensor;
import io.fashionrec.onnx.proto.ValueInfo;
import io.fashionrec.onnx.proto.ValueInfo.Dim;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a CNN into a feature extractor with global max pooling on top (Keras
 * {@code GlobalMaxPooling2D}), whose single output {@code embedding} is N x C. A classifier is cut
 * at its last feature map (see {@link ModelInspector}) and everything only its head needed is
 * removed; a model that already outputs a feature map just gets the pooling. Either way the model
 * keeps all else: opset imports, metadata, doc strings, fields this code does not know.
 *
 * <p>Both methods edit the model in place; write it with {@link OnnxModel#write}. Stateless.
 */
public final class GraphSurgery {

    /** The preferred name of the new output (another is chosen if the graph already uses it). */
    public static final String OUTPUT = "embedding";

    private static final String PREFIX = "fashionrec/";

    /** Ops through which the channel count of a feature map stays that of their data input. */
    private static final Set<String> CHANNEL_PRESERVING = Set.of("Relu", "LeakyRelu", "Clip", "Sigmoid", "Tanh", "Elu",
            "Selu", "HardSigmoid", "HardSwish", "MaxPool", "AveragePool", "Dropout", "Identity");

    private GraphSurgery() {
    }

    /**
     * Cuts a {@link ModelKind#CLASSIFIER} at its last feature map, appends GlobalMaxPool and
     * Flatten(axis=1), makes their result the only output, and removes every node, initializer,
     * graph input and value info that is no longer needed.
     *
     * @param label names the model in error messages
     * @throws IllegalArgumentException if the model is not a classifier (see
     *                                  {@link ModelInspector#inspect})
     */
    public static SurgeryResult cut(OnnxModel model, String label) {
        OnnxGraph graph = model.graph();
        Inspection found = ModelInspector.inspect(graph, label);
        if (found.kind() != ModelKind.CLASSIFIER) {
            throw new IllegalArgumentException(label + " is not a classifier but a " + found.kind() + " model (output "
                    + found.output() + "), so there is no head to cut off"
                    + (found.kind() == ModelKind.FEATURE_MAP ? "; append the pooling instead" : ""));
        }
        String featureMap = found.featureMap();
        OptionalLong channels = channels(graph, featureMap);
        graph.setOutputs(List.of(ValueInfo.tensor(featureMap, elemType(found.output()), null)));
        OnnxGraph.Pruned pruned = graph.prune();
        ValueInfo output = appendPooling(graph, featureMap, found.output(), channels);
        return new SurgeryResult(ModelKind.CLASSIFIER, featureMap, channels, output, pruned.nodes(),
                pruned.initializers(), pruned.initializerBytes());
    }

    /**
     * Appends GlobalMaxPool and Flatten(axis=1) to the output of a {@link ModelKind#FEATURE_MAP}
     * model and makes their result the only output; nothing is removed.
     *
     * @throws IllegalArgumentException if the model's output is not a 4-D feature map
     */
    public static SurgeryResult appendGlobalMaxPool(OnnxModel model, String label) {
        OnnxGraph graph = model.graph();
        Inspection found = ModelInspector.inspect(graph, label);
        if (found.kind() != ModelKind.FEATURE_MAP) {
            throw new IllegalArgumentException(label + " does not output a feature map but is a " + found.kind()
                    + " model (output " + found.output() + ")"
                    + (found.kind() == ModelKind.CLASSIFIER ? "; cut it instead" : "; it needs no pooling"));
        }
        String featureMap = found.featureMap();
        OptionalLong channels = channels(graph, featureMap);
        ValueInfo output = appendPooling(graph, featureMap, found.output(), channels);
        return new SurgeryResult(ModelKind.FEATURE_MAP, featureMap, channels, output, List.of(), List.of(), 0);
    }

    /**
     * Adds GlobalMaxPool and Flatten after {@code featureMap} and makes the result the only output,
     * typed like {@code previous} (element type, batch dimension) with {@code channels} columns.
     */
    private static ValueInfo appendPooling(OnnxGraph graph, String featureMap, ValueInfo previous,
            OptionalLong channels) {
        Set<String> tensors = graph.tensorNames();
        Set<String> nodeNames = new HashSet<>();
        graph.nodes().forEach(n -> nodeNames.add(n.name()));
        String pooled = unique(tensors, PREFIX + "GlobalMaxPool_output");
        String embedding = unique(tensors, OUTPUT);
        graph.addNodes(List.of(
                OnnxNode.create(unique(nodeNames, PREFIX + "GlobalMaxPool"), "GlobalMaxPool", List.of(featureMap),
                        List.of(pooled), List.of()),
                OnnxNode.create(unique(nodeNames, PREFIX + "Flatten"), "Flatten", List.of(pooled), List.of(embedding),
                        List.of(OnnxAttribute.ofInt("axis", 1)))));
        Dim batch = previous.shape().filter(s -> !s.isEmpty()).map(s -> s.get(0))
                .filter(d -> d.value() != null || d.param() != null).orElse(Dim.named("batch"));
        Dim width = channels.isPresent() ? Dim.of(channels.getAsLong()) : Dim.unknown();
        ValueInfo output = ValueInfo.tensor(embedding, elemType(previous), List.of(batch, width));
        graph.setOutputs(List.of(output));
        return output;
    }

    /** The declared element type of {@code v}, float if undeclared. */
    private static int elemType(ValueInfo v) {
        return v.elemType() != 0 ? v.elemType() : ValueInfo.FLOAT;
    }

    /**
     * The channel count of {@code featureMap}: declared as its dim 1, else the output channels of the
     * Conv or BatchNormalization that makes it, looked for back through activations and pooling.
     */
    static OptionalLong channels(OnnxGraph graph, String featureMap) {
        Optional<Long> declared = graph.valueInfo(featureMap).flatMap(ValueInfo::shape).filter(s -> s.size() == 4)
                .map(s -> s.get(1).value());
        if (declared.isPresent()) {
            return OptionalLong.of(declared.get());
        }
        HeadOps ops = new HeadOps(graph);
        Optional<String> tensor = Optional.of(featureMap);
        for (int steps = 0; tensor.isPresent() && steps <= graph.nodes().size(); steps++) {
            Optional<OnnxNode> producer = graph.producer(tensor.get());
            if (producer.isEmpty() || !producer.get().isStandard()) {
                break;
            }
            OnnxNode node = producer.get();
            if (node.is("Conv") || node.is("BatchNormalization")) {
                // Conv's weight is M x C/group x kH x kW; BatchNormalization's scale has C entries.
                return node.inputs().size() > 1 ? firstDim(graph, node.inputs().get(1)) : OptionalLong.empty();
            }
            if (!CHANNEL_PRESERVING.contains(node.opType())) {
                break;
            }
            tensor = ops.dataInput(node);
        }
        return OptionalLong.empty();
    }

    private static OptionalLong firstDim(OnnxGraph graph, String constant) {
        return graph.constant(constant).map(OnnxTensor::dims).filter(d -> d.length > 0)
                .map(d -> OptionalLong.of(d[0])).orElse(OptionalLong.empty());
    }

    private static String unique(Set<String> taken, String wanted) {
        String name = wanted;
        for (int i = 2; taken.contains(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }
}
