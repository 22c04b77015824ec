package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ValueInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@link GraphSurgery} did to a model.
 *
 * @param kind                    what the model was before
 * @param featureMap              the tensor the appended GlobalMaxPool reads: where a classifier was
 *                                cut, or the output of a feature-map model
 * @param channels                C, the embedding's length, when it could be told from the graph
 * @param output                  the new single output, N x C
 * @param droppedNodes            the nodes removed, in graph order (empty for a feature-map model)
 * @param droppedInitializers     the names of the initializers removed
 * @param droppedInitializerBytes the encoded size of those initializers
 */
public record SurgeryResult(ModelKind kind, String featureMap, OptionalLong channels, ValueInfo output,
        List<OnnxNode> droppedNodes, List<String> droppedInitializers, long droppedInitializerBytes) {

    public SurgeryResult {
        droppedNodes = List.copyOf(droppedNodes);
        droppedInitializers = List.copyOf(droppedInitializers);
    }

    /**
     * One line for people, e.g. "cut at /Relu_output_0 (1024 channels), dropped 3 nodes
     * (GlobalAveragePool, Flatten, Gemm) and 2 initializers (4.1 MB), appended GlobalMaxPool +
     * Flatten: embedding[batch, 1024]".
     */
    public String describe() {
        String where = kind == ModelKind.CLASSIFIER ? "cut at " + featureMap : "feature map " + featureMap;
        String size = channels.isPresent() ? " (" + channels.getAsLong() + " channels)" : " (channels unknown)";
        String dropped = droppedNodes.isEmpty() ? ""
                : ", dropped " + count(droppedNodes.size(), "node") + " (" + opCounts() + ") and "
                        + count(droppedInitializers.size(), "initializer")
                        + " (" + size(droppedInitializerBytes) + ")";
        return where + size + dropped + ", appended GlobalMaxPool + Flatten: " + output;
    }

    /** "AveragePool, Flatten, 3 Gemm, 2 Relu": op types by first appearance, counted. */
    private String opCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        droppedNodes.forEach(n -> counts.merge(n.opType(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((op, n) -> parts.add(n == 1 ? op : n + " " + op));
        return String.join(", ", parts);
    }

    private static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " bytes";
        }
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
