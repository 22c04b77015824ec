package io.fashionrec.onnx.surgery;

/** What a CNN model's single output is, which decides what graph surgery does to it. */
public enum ModelKind {

    /**
     * An N x C embedding made by global pooling (or a reduction) over the spatial axes, possibly
     * flattened or squeezed: already a pooled feature extractor.
     */
    POOLED,

    /** A rank-4 N x C x H x W feature map: the extractor still needs its pooling. */
    FEATURE_MAP,

    /**
     * Class scores made by a fully connected head (Gemm, MatMul, a 1x1 Conv, Softmax...) after
     * pooling or flattening a feature map: the head must be cut off.
     */
    CLASSIFIER
}
