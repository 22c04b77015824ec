package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ValueInfo;
import java.util.List;

/**
 * What {@link ModelInspector} found at the end of a model.
 *
 * @param kind       what the output is
 * @param output     the model's single output
 * @param featureMap the last feature map: for a {@link ModelKind#CLASSIFIER} the tensor to cut at,
 *                   for a {@link ModelKind#POOLED} model the tensor its pooling reads, for a
 *                   {@link ModelKind#FEATURE_MAP} the output itself
 * @param head       the head nodes walked through, from the output backwards (empty if none)
 * @param pooling    the spatial pooling nodes walked through after the head, from the output
 *                   backwards (empty if none)
 */
public record Inspection(ModelKind kind, ValueInfo output, String featureMap, List<OnnxNode> head,
        List<OnnxNode> pooling) {

    public Inspection {
        head = List.copyOf(head);
        pooling = List.copyOf(pooling);
    }
}
