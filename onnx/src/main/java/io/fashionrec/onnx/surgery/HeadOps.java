package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxAttribute;
import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.OnnxTensor;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Which operators make up a CNN's head and its spatial pooling, and which input of a node carries
 * the activations. Only standard-domain operators count: a custom-domain "Relu" may mean anything.
 */
final class HeadOps {

    /** Operators of a classifier head (a 1x1 Conv also counts, see {@link #isHead}). */
    private static final Set<String> HEAD = Set.of("Gemm", "MatMul", "Add", "Mul", "Softmax", "LogSoftmax", "Relu",
            "Dropout", "Identity", "Flatten", "Reshape", "Squeeze", "Unsqueeze", "Transpose", "Cast", "Sigmoid");

    /** Head operators that make class scores rather than reshape or rescale (plus the 1x1 Conv). */
    private static final Set<String> SCORING = Set.of("Gemm", "MatMul", "Softmax", "LogSoftmax");

    /** Operators that turn a 4-D feature map into one vector (some only with the right kernel). */
    private static final Set<String> POOLING = Set.of("GlobalAveragePool", "AveragePool", "GlobalMaxPool", "ReduceMean",
            "ReduceMax");

    private static final Set<String> FLATTENING = Set.of("Flatten", "Reshape");

    private static final int RANK = 4;

    private final OnnxGraph graph;

    HeadOps(OnnxGraph graph) {
        this.graph = graph;
    }

    boolean isHead(OnnxNode node) {
        return node.isStandard() && HEAD.contains(node.opType()) || isPointwiseConv(node);
    }

    boolean isScoring(OnnxNode node) {
        return node.isStandard() && SCORING.contains(node.opType()) || isPointwiseConv(node);
    }

    boolean isPooling(OnnxNode node) {
        return node.isStandard() && POOLING.contains(node.opType());
    }

    boolean isFlattening(OnnxNode node) {
        return node.isStandard() && FLATTENING.contains(node.opType());
    }

    /**
     * Whether {@code node} pools a 4-D map over exactly its two spatial axes: GlobalAveragePool,
     * GlobalMaxPool, or ReduceMean / ReduceMax whose axes (attribute, or constant input from opset
     * 18) are 2 and 3. An AveragePool is not: its window may cover only part of the map.
     */
    boolean isGlobalPooling(OnnxNode node) {
        if (node.is("GlobalAveragePool") || node.is("GlobalMaxPool")) {
            return true;
        }
        if (!node.is("ReduceMean") && !node.is("ReduceMax")) {
            return false;
        }
        Optional<long[]> axes = node.attribute("axes").map(OnnxAttribute::ints);
        if (axes.isEmpty() && node.inputs().size() > 1) {
            axes = graph.int64Constant(node.inputs().get(1));
        }
        return axes.map(a -> Arrays.equals(Arrays.stream(a).map(x -> x < 0 ? x + RANK : x).sorted().toArray(),
                new long[] {2, 3})).orElse(false);
    }

    /** A Conv whose kernel is 1x1 (by its kernel_shape, else by its weight's dims). */
    boolean isPointwiseConv(OnnxNode node) {
        if (!node.is("Conv")) {
            return false;
        }
        Optional<long[]> kernel = node.attribute("kernel_shape").map(OnnxAttribute::ints);
        if (kernel.isEmpty() && node.inputs().size() > 1) {
            kernel = graph.constant(node.inputs().get(1)).map(OnnxTensor::dims).filter(d -> d.length > 2)
                    .map(d -> Arrays.copyOfRange(d, 2, d.length));
        }
        return kernel.map(k -> k.length > 0 && Arrays.stream(k).allMatch(d -> d == 1)).orElse(false);
    }

    /**
     * The input carrying the activations: the first one that is neither omitted nor a constant
     * (see {@link OnnxGraph#isConstant}). For the usual x·W + b ops this is the first input, but it
     * also finds x in MatMul(W, x) or Add(bias, x). Empty if every input is constant.
     */
    Optional<String> dataInput(OnnxNode node) {
        for (String input : node.inputs()) {
            if (!input.isEmpty() && !graph.isConstant(input)) {
                return Optional.of(input);
            }
        }
        return Optional.empty();
    }
}
