#!/usr/bin/env python3
"""Builds the small ONNX fixtures of io.fashionrec.onnx.surgery's tests (see README.md).

usage: /usr/bin/python3 make_fixtures.py   (Debian's python3-onnx 1.12 and numpy; writes here)
"""
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240601)


def weights(name, *shape):
    return numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), name)


def unknown_varint(number, value):
    """The wire bytes of a varint field that no ONNX version defines."""
    out = bytearray()
    for v in (number << 3 | 0, value):
        while v > 0x7F:
            out.append(v & 0x7F | 0x80)
            v >>= 7
        out.append(v)
    return bytes(out)


def with_unknown(message, number, value):
    """A copy of message carrying an extra unknown varint field (protobuf keeps unknown fields)."""
    copy = type(message)()
    copy.ParseFromString(message.SerializeToString() + unknown_varint(number, value))
    return copy


def save(model, name, check=True):
    if check:
        onnx.checker.check_model(model)
    path = os.path.join(HERE, name)
    onnx.save(model, path)
    print(name, os.path.getsize(path), "bytes")


def conv_block(prefix, cin, cout, x):
    """Conv 3x3 (pad 1) + bias -> BatchNormalization -> Relu, as torchvision's exports spell it."""
    nodes = [
        helper.make_node("Conv", [x, prefix + ".weight", prefix + ".bias"], [prefix + "/Conv_output_0"],
                         name=prefix + "/Conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", [prefix + "/Conv_output_0", prefix + ".bn.weight", prefix + ".bn.bias",
                                                prefix + ".bn.mean", prefix + ".bn.var"],
                         [prefix + "/BatchNormalization_output_0"], name=prefix + "/BatchNormalization"),
        helper.make_node("Relu", [prefix + "/BatchNormalization_output_0"], ["/Relu_output_0"], name="/Relu"),
    ]
    inits = [weights(prefix + ".weight", cout, cin, 3, 3), weights(prefix + ".bias", cout),
             weights(prefix + ".bn.weight", cout), weights(prefix + ".bn.bias", cout), weights(prefix + ".bn.mean", cout),
             numpy_helper.from_array(rng.uniform(0.5, 2.0, cout).astype(np.float32), prefix + ".bn.var")]
    return nodes, inits


def image_input(batch="batch", size=8):
    return helper.make_tensor_value_info("input", TensorProto.FLOAT, [batch, 3, size, size])


# 1. A torchvision-style classifier: features -> GlobalAveragePool -> Flatten -> Gemm -> Softmax,
#    with metadata, a second opset import, doc strings, a value_info entry for a tensor of the
#    head, and unknown fields on the model, the graph and a kept node.
nodes, inits = conv_block("features", 3, 4, "input")
nodes[2] = with_unknown(nodes[2], 5001, 42)
nodes += [
    helper.make_node("GlobalAveragePool", ["/Relu_output_0"], ["/GlobalAveragePool_output_0"], name="/GlobalAveragePool"),
    helper.make_node("Flatten", ["/GlobalAveragePool_output_0"], ["/Flatten_output_0"], name="/Flatten", axis=1),
    helper.make_node("Gemm", ["/Flatten_output_0", "classifier.weight", "classifier.bias"], ["/classifier/Gemm_output_0"],
                     name="/classifier/Gemm", transB=1),
    helper.make_node("Softmax", ["/classifier/Gemm_output_0"], ["logits"], name="/Softmax", axis=1),
]
inits += [weights("classifier.weight", 5, 4), weights("classifier.bias", 5)]
graph = helper.make_graph(nodes, "tiny_classifier", [image_input()],
                          [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 5])], inits,
                          doc_string="a graph doc string",
                          value_info=[helper.make_tensor_value_info("/Flatten_output_0", TensorProto.FLOAT, ["batch", 4])])
graph = with_unknown(graph, 5002, 7)
model = helper.make_model(graph, producer_name="make_fixtures.py", doc_string="a model doc string",
                          opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 3)])
model.ir_version = 8
helper.set_model_props(model, {"fixture": "tiny-classifier", "license": "CC0"})
save(with_unknown(model, 5000, 1), "tiny-classifier.onnx")

# 2. An ONNX Model Zoo style classifier (IR version 3: every initializer is also a graph input;
#    fixed batch 1): Relu -> AveragePool over the whole 4x4 map -> 1x1 Conv -> Reshape (shape from a
#    Constant node) -> Softmax.
x = helper.make_tensor_value_info
nodes = [
    helper.make_node("Conv", ["data", "conv1_w", "conv1_b"], ["conv1"], name="conv1", kernel_shape=[3, 3],
                     strides=[2, 2], pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["conv1"], ["conv1_relu"], name="relu1"),
    helper.make_node("AveragePool", ["conv1_relu"], ["pool5"], name="pool5", kernel_shape=[4, 4], strides=[1, 1]),
    helper.make_node("Conv", ["pool5", "fc6_w", "fc6_b"], ["fc6"], name="fc6", kernel_shape=[1, 1]),
    helper.make_node("Constant", [], ["shape"], name="shape_const",
                     value=numpy_helper.from_array(np.array([1, -1], dtype=np.int64), "shape_value")),
    helper.make_node("Reshape", ["fc6", "shape"], ["fc6_flat"], name="flatten"),
    helper.make_node("Softmax", ["fc6_flat"], ["prob"], name="prob", axis=1),
]
inits = [weights("conv1_w", 6, 3, 3, 3), weights("conv1_b", 6), weights("fc6_w", 7, 6, 1, 1), weights("fc6_b", 7)]
inputs = [x("data", TensorProto.FLOAT, [1, 3, 8, 8])] + [x(t.name, TensorProto.FLOAT, list(t.dims)) for t in inits]
graph = helper.make_graph(nodes, "zoo_classifier", inputs, [x("prob", TensorProto.FLOAT, [1, 7])], inits)
model = helper.make_model(graph, producer_name="make_fixtures.py", opset_imports=[helper.make_opsetid("", 9)])
model.ir_version = 3
save(model, "zoo-classifier.onnx")

# 3. A pooled feature extractor, as the reference script exports one: ReduceMax over axes 2, 3.
nodes, inits = conv_block("features", 3, 4, "input")
nodes.append(helper.make_node("ReduceMax", ["/Relu_output_0"], ["embedding"], name="/ReduceMax", axes=[2, 3], keepdims=0))
graph = helper.make_graph(nodes, "tiny_pooled", [image_input()],
                          [x("embedding", TensorProto.FLOAT, ["batch", 4])], inits)
save(helper.make_model(graph, producer_name="make_fixtures.py", opset_imports=[helper.make_opsetid("", 13)]),
     "tiny-pooled.onnx")

# 4. The same pooling in opset 18 spelling, axes as a Constant input (onnx 1.12 predates opset 18,
#    so the checker is skipped).
nodes, inits = conv_block("features", 3, 4, "input")
nodes += [
    helper.make_node("Constant", [], ["axes"], name="axes_const",
                     value=numpy_helper.from_array(np.array([-2, -1], dtype=np.int64), "axes_value")),
    helper.make_node("ReduceMax", ["/Relu_output_0", "axes"], ["embedding"], name="/ReduceMax", keepdims=0),
]
graph = helper.make_graph(nodes, "pooled_opset18", [image_input()],
                          [x("embedding", TensorProto.FLOAT, ["batch", 4])], inits)
model = helper.make_model(graph, producer_name="make_fixtures.py", opset_imports=[helper.make_opsetid("", 18)])
model.ir_version = 8
save(model, "pooled-opset18.onnx", check=False)

# 5. A feature extractor without pooling: the output is the N x 4 x 8 x 8 feature map.
nodes, inits = conv_block("features", 3, 4, "input")
graph = helper.make_graph(nodes, "tiny_features", [image_input()],
                          [x("/Relu_output_0", TensorProto.FLOAT, ["batch", 4, 8, 8])], inits)
save(helper.make_model(graph, producer_name="make_fixtures.py", opset_imports=[helper.make_opsetid("", 13)]),
     "tiny-features.onnx")

# 6. A head with nothing before it: the graph input is already N x 4 x 8 x 8.
nodes = [
    helper.make_node("GlobalAveragePool", ["input"], ["pooled"], name="pool"),
    helper.make_node("Flatten", ["pooled"], ["flat"], name="flatten", axis=1),
    helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], name="fc", transB=1),
]
graph = helper.make_graph(nodes, "head_only", [x("input", TensorProto.FLOAT, ["batch", 4, 8, 8])],
                          [x("logits", TensorProto.FLOAT, ["batch", 5])],
                          [weights("fc.weight", 5, 4), weights("fc.bias", 5)])
save(helper.make_model(graph, producer_name="make_fixtures.py", opset_imports=[helper.make_opsetid("", 13)]),
     "head-only.onnx")
