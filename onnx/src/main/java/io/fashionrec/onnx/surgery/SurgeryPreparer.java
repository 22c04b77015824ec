package io.fashionrec.onnx.surgery;

import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxTensor;
import io.fashionrec.onnx.registry.ModelPreparer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a published CNN for the image encoder with {@link GraphSurgery}: a
 * {@link ModelKind#CLASSIFIER} is cut and gets global max pooling, a {@link ModelKind#FEATURE_MAP}
 * model gets global max pooling, a {@link ModelKind#POOLED} one is copied unchanged. Stateless and
 * thread-safe.
 */
public final class SurgeryPreparer implements ModelPreparer {

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the model keeps tensors in external data files, which
     *                                  would not follow it to {@code target}
     */
    @Override
    public String prepare(Path source, String arch, Path target) throws IOException {
        OnnxModel model = OnnxModel.read(source);
        String label = arch + " model " + source;
        List<String> external = model.graph().initializers().stream().filter(OnnxTensor::isExternal)
                .map(OnnxTensor::name).toList();
        if (!external.isEmpty()) {
            throw new IllegalArgumentException(label + " keeps " + external.size() + " tensor(s) ("
                    + String.join(", ", external.subList(0, Math.min(3, external.size())))
                    + (external.size() > 3 ? ", ..." : "") + ") in external data files, which would not follow it;"
                    + " save it as one file first, e.g. onnx.save_model(m, path, save_as_external_data=False)");
        }
        Inspection found = ModelInspector.inspect(model.graph(), label);
        String description = switch (found.kind()) {
            case CLASSIFIER -> GraphSurgery.cut(model, label).describe();
            case FEATURE_MAP -> GraphSurgery.appendGlobalMaxPool(model, label).describe();
            case POOLED -> "already a pooled feature extractor (output " + found.output() + "), copied unchanged";
        };
        model.write(target);
        return description;
    }

    /**
     * Only a {@link ModelKind#CLASSIFIER} needs preparing: the image encoder runs pooled models as
     * they are and max-pools a feature map itself.
     */
    @Override
    public boolean needsPreparation(Path source) throws IOException {
        return ModelInspector.inspect(OnnxModel.read(source).graph(), "model " + source).kind() == ModelKind.CLASSIFIER;
    }
}
