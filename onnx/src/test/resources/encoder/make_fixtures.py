#!/usr/bin/env python3
"""Writes the tiny ONNX models the encoder tests use (deterministic weights, numpy seed 7).
Needs Debian's python3-onnx and python3-numpy. Run from this directory: /usr/bin/python3 make_fixtures.py"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)
W = numpy_helper.from_array(rng.standard_normal((8, 3, 3, 3)).astype(np.float32), "conv.weight")
B = numpy_helper.from_array(rng.standard_normal(8).astype(np.float32) * 0.1, "conv.bias")

def conv_net(name, input_shape, nhwc=False, pooled=True):
    nodes, src = [], "image"
    if nhwc:
        nodes.append(helper.make_node("Transpose", [src], ["nchw"], perm=[0, 3, 1, 2]))
        src = "nchw"
    nodes.append(helper.make_node("Conv", [src, "conv.weight", "conv.bias"], ["conv"], pads=[1, 1, 1, 1]))
    nodes.append(helper.make_node("Relu", ["conv"], ["features"]))
    if pooled:
        nodes.append(helper.make_node("ReduceMax", ["features"], ["embedding"], axes=[2, 3], keepdims=0))
        out = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", 8])
    else:
        if nhwc:
            nodes.append(helper.make_node("Transpose", ["features"], ["map"], perm=[0, 2, 3, 1]))
            out = helper.make_tensor_value_info("map", TensorProto.FLOAT, ["batch", "h", "w", 8])
        else:
            out = helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", 8, "h", "w"])
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("image", TensorProto.FLOAT, input_shape)], [out], [W, B])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="fashionrec-test")
    onnx.checker.check_model(model)
    onnx.save(model, name + ".onnx")

conv_net("tiny-pooled", ["batch", 3, "height", "width"])
conv_net("tiny-map", ["batch", 3, "height", "width"], pooled=False)
conv_net("tiny-nhwc", ["batch", "height", "width", 3], nhwc=True)
conv_net("tiny-nhwc-map", ["batch", "height", "width", 3], nhwc=True, pooled=False)
conv_net("tiny-fixed", [1, 3, 32, 32])
M = numpy_helper.from_array(rng.standard_normal((10, 4)).astype(np.float32), "m")
graph = helper.make_graph([helper.make_node("MatMul", ["x", "m"], ["y"])], "not-an-image",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 10])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 4])], [M])
onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), "not-an-image.onnx")
