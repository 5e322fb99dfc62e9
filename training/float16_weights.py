"""A mixin for convert_centernet.Converter (and its subclasses) that keeps
weights which came from float16 as float16 in the ONNX file, each cast once
to float32: exact, half the bytes of float32, and onnxruntime folds the casts
when the session starts. Used where the source stores float16 weights
(CenterNet's and NanoDet's TF.js graphs, objectron's TFLite detector); the
photo model's MobileNetV2 branch keeps nsfwjs's uint8 codes.
"""
import numpy as np
from onnx import TensorProto, helper

# Small constants (resize scales, pad values, scalars) stay float32.
SMALLEST = 16


class Float16Weights:
    def const(self, name, array):
        if array.dtype != np.float32 or array.size < SMALLEST or not np.array_equal(array.astype(np.float16).astype(np.float32), array):
            return super().const(name, array)
        stored = super().const(name, array.astype(np.float16))
        self.onnx_nodes.append(helper.make_node("Cast", [stored], [stored + "/f32"], to=TensorProto.FLOAT))
        return stored + "/f32"
