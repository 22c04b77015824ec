package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Tells what a CNN model's output is ({@link ModelKind}) and where its last feature map is, by
 * walking back from the single output along each node's activation input: first through the head
 * (Gemm, MatMul, Add, Mul, Softmax, LogSoftmax, Relu, Dropout, Identity, Flatten, Reshape, Squeeze,
 * Unsqueeze, Transpose, Cast, Sigmoid, a 1x1 Conv), then through the run of spatial pooling
 * (GlobalAveragePool, AveragePool, GlobalMaxPool, ReduceMean, ReduceMax), stopping at the first node
 * of neither kind. The last feature map is the input of the earliest pooling node of the run, or,
 * when the head has no pooling, of its earliest Flatten or Reshape.
 *
 * <p>For torchvision's DenseNet121 this is the final Relu's output ({@code /Relu_output_0}), for
 * its VGG16 the block-5 MaxPool's output; the ONNX Model Zoo's DenseNet-121 (AveragePool, 1x1 Conv,
 * Reshape, Softmax) and VGG16 end the same ways. Stateless.
 */
public final class ModelInspector {

    private ModelInspector() {
    }

    /**
     * Inspects {@code graph}.
     *
     * @param label names the model in error messages (e.g. "densenet121 model /path/to/file.onnx")
     * @throws IllegalArgumentException if the graph has not exactly one output; if its output is none
     *                                  of the three kinds; or if a classifier head reads no 4-D
     *                                  feature map made by a node (it starts at a graph input, or at
     *                                  a tensor declared with another rank)
     */
    public static Inspection inspect(OnnxGraph graph, String label) {
        List<ValueInfo> outputs = graph.outputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException(label + " has " + outputs.size() + " outputs ("
                    + outputs.stream().map(ValueInfo::name).collect(Collectors.joining(", "))
                    + "); graph surgery needs a model with one output, the class scores of a classifier or the"
                    + " features of an extractor");
        }
        ValueInfo output = outputs.get(0);
        HeadOps ops = new HeadOps(graph);
        Walk walk = walk(graph, ops, output.name());
        List<OnnxNode> head = walk.head();
        List<OnnxNode> pooling = walk.pooling();

        OptionalInt rank = output.rank();
        Optional<String> featureMap = pooling.isEmpty()
                ? earliest(head.stream().filter(ops::isFlattening).toList()).flatMap(ops::dataInput)
                : ops.dataInput(pooling.get(pooling.size() - 1));
        if (featureMap.isPresent() && head.stream().anyMatch(ops::isScoring)) {
            checkFeatureMap(graph, label, featureMap.get(), head, pooling);
            return new Inspection(ModelKind.CLASSIFIER, output, featureMap.get(), head, pooling);
        }
        if (featureMap.isPresent() && pooling.stream().anyMatch(ops::isGlobalPooling)
                && (rank.isEmpty() || rank.getAsInt() != 4)) {
            return new Inspection(ModelKind.POOLED, output, featureMap.get(), head, pooling);
        }
        if (rank.isPresent() && rank.getAsInt() == 4) {
            return new Inspection(ModelKind.FEATURE_MAP, output, output.name(), head, pooling);
        }
        throw new IllegalArgumentException(label + ": no classifier head, pooling or 4-D feature map at the output "
                + output + "; walking back from it found " + describe(head, pooling, walk.stop())
                + ". Graph surgery handles a CNN classifier (feature map, global pooling, fully connected layers),"
                + " a pooled feature extractor, or a feature extractor whose output is N x C x H x W");
    }

    /** Walks back from {@code output} through the head, then the pooling run. */
    private static Walk walk(OnnxGraph graph, HeadOps ops, String output) {
        List<OnnxNode> head = new ArrayList<>();
        List<OnnxNode> pooling = new ArrayList<>();
        Optional<String> tensor = Optional.of(output);
        // A graph is acyclic, but a damaged one need not be: never take more steps than there are nodes.
        for (int steps = 0; tensor.isPresent() && steps <= graph.nodes().size(); steps++) {
            Optional<OnnxNode> producer = graph.producer(tensor.get());
            if (producer.isEmpty()) {
                break;
            }
            OnnxNode node = producer.get();
            if (ops.isPooling(node)) {
                pooling.add(node);
            } else if (pooling.isEmpty() && ops.isHead(node)) {
                head.add(node);
            } else {
                return new Walk(head, pooling, producer);
            }
            tensor = ops.dataInput(node);
        }
        return new Walk(head, pooling, Optional.empty());
    }

    private static void checkFeatureMap(OnnxGraph graph, String label, String featureMap, List<OnnxNode> head,
            List<OnnxNode> pooling) {
        String found = "the classifier head (" + describe(head, pooling, Optional.empty()) + ") reads '" + featureMap + "'";
        if (graph.producer(featureMap).isEmpty()) {
            throw new IllegalArgumentException(label + ": " + found + ", which no node produces (a graph input or"
                    + " initializer): there is no convolutional feature extractor before the head to cut at");
        }
        OptionalInt rank = graph.valueInfo(featureMap).map(ValueInfo::rank).orElse(OptionalInt.empty());
        if (rank.isPresent() && rank.getAsInt() != 4) {
            throw new IllegalArgumentException(label + ": " + found + ", declared with rank " + rank.getAsInt()
                    + "; the cut needs a 4-D N x C x H x W feature map");
        }
    }

    private static <T> Optional<T> earliest(List<T> walkedBackwards) {
        return walkedBackwards.isEmpty() ? Optional.empty() : Optional.of(walkedBackwards.get(walkedBackwards.size() - 1));
    }

    /** "Gemm, Flatten, GlobalAveragePool, then Relu '/Relu'", output side first. */
    private static String describe(List<OnnxNode> head, List<OnnxNode> pooling, Optional<OnnxNode> stop) {
        List<String> ops = new ArrayList<>();
        head.forEach(n -> ops.add(n.opType()));
        pooling.forEach(n -> ops.add(n.opType()));
        String walked = ops.isEmpty() ? "no head or pooling node" : String.join(", ", ops);
        return stop.map(s -> walked + ", then " + s).orElse(walked);
    }

    /**
     * The nodes walked through, each list from the output backwards, and the node that stopped the
     * walk (empty if it reached a graph input or a constant).
     */
    private record Walk(List<OnnxNode> head, List<OnnxNode> pooling, Optional<OnnxNode> stop) {
    }
}
