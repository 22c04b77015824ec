#!/usr/bin/env python3
"""Exports the Keras models fashionrec's method was designed around to ONNX:

    DenseNet121(include_top=False, weights="imagenet", pooling="max")   -> densenet121-keras.onnx, [N, 1024]
    VGG16(include_top=False, weights="imagenet", pooling="max")         -> vgg16-keras.onnx, [N, 512]

Both take NHWC float input [N, 224, 224, 3] and end in global max pooling, so fashionrec uses
them as they are (no graph surgery). Register them with the preset each model was trained with:

    ./fashionrec models import densenet121-keras.onnx --arch densenet121 --preset keras-torch
    ./fashionrec models import vgg16-keras.onnx --arch vgg16 --preset caffe
    ./fashionrec index --catalog CATALOG --index INDEX --image-model densenet121-keras

Needs TensorFlow 2 and tf2onnx (pip install tensorflow tf2onnx) and internet access for the
ImageNet weights. Not run where fashionrec was developed: that machine has neither.

usage: python3 tools/export_keras_models.py [OUT_DIR]
"""
import os
import sys

import tensorflow as tf
import tf2onnx
from tensorflow.keras.applications import VGG16, DenseNet121

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
for name, build in [("densenet121-keras", DenseNet121), ("vgg16-keras", VGG16)]:
    model = build(include_top=False, weights="imagenet", pooling="max", input_shape=(224, 224, 3))
    signature = (tf.TensorSpec((None, 224, 224, 3), tf.float32, name="input"),)
    path = os.path.join(out, name + ".onnx")
    tf2onnx.convert.from_keras(model, input_signature=signature, opset=13, output_path=path)
    print("wrote", path, "output", model.output_shape)
