"""Converts the MobileNetV3 backbone of @vladmandic/human's CenterNet (a
TensorFlow.js graph model: models/centernet.json + .bin, float16 weights) into
an ONNX embedding network (opset 14): NCHW input of RGB 0..255 (the /255 is
folded into the first convolution by the original), output the global average
of the chosen feature maps, concatenated.

    python3 training/convert_centernet.py --size 224 --taps A,B --out models/photo-mobilenetv3/model.onnx

TensorFlow's "SAME" padding is made explicit (it is asymmetric for stride 2),
so the graph is fixed to one input size.
"""
import argparse
import base64
import json
import math
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from float16_weights import Float16Weights
from fuse_activations import fuse_hard_activations

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE = os.path.join(ROOT, "node_modules", "@vladmandic", "human", "models", "centernet.json")
# The 88- and 64-channel stages (stride 16), globally pooled and concatenated:
# on datasets/photo-crops they beat the 480-channel last tap by ten points
# at 5-way 1-shot (95.3 vs 84.9 %; models/photo-mobilenetv3/README.md).
DEFAULT_TAPS = ["tower_0/MobilenetV3/expanded_conv_11/add", "tower_0/MobilenetV3/expanded_conv_9/add"]


def load_graph(path):
    with open(path) as f:
        model = json.load(f)
    nodes = {n["name"]: n for n in model["modelTopology"]["node"]}
    weights = {}
    for group in model["weightsManifest"]:
        data = b"".join(open(os.path.join(os.path.dirname(path), p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            stored = spec.get("quantization", {}).get("dtype", spec["dtype"])
            dtype = {"float16": np.float16, "float32": np.float32, "int32": np.int32}[stored]
            size = count * np.dtype(dtype).itemsize
            array = np.frombuffer(data[offset : offset + size], dtype=dtype).reshape(spec["shape"])
            weights[spec["name"]] = array.astype(np.float32 if spec["dtype"] == "float32" else np.int32)
            offset += size
    return nodes, weights


def attr_list(node, name):
    return [int(i) for i in node["attr"][name]["list"].get("i", [])]


def fused_ops(node):
    return [base64.b64decode(s).decode() for s in node["attr"].get("fused_ops", {}).get("list", {}).get("s", [])]


def same_pads(size, kernel, stride, dilation=1):
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2, out


class Converter:
    def __init__(self, nodes, weights, size):
        self.nodes, self.weights, self.size = nodes, weights, size
        self.onnx_nodes, self.initializers = [], []
        self.shape = {}  # tensor -> (C, H, W)
        self.converted = {}

    def const(self, name, array):
        tensor_name = f"const/{name}/{len(self.initializers)}"
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), tensor_name))
        return tensor_name

    def operand(self, name, like):
        """A graph tensor, or a Const laid out to broadcast against NCHW tensors."""
        if self.nodes[name]["op"] == "Const":
            value = self.weights[name]
            if value.ndim == 1 and value.shape[0] > 1:
                value = value.reshape(-1, 1, 1)
            elif value.ndim == 4:
                value = value.transpose(0, 3, 1, 2)
            return self.const(name, value.astype(np.float32))
        return self.convert(name)

    def activation(self, name, x, ops):
        for op in ops:
            if op == "BiasAdd":
                continue
            out = f"{name}/{op}"
            if op == "Relu":
                self.onnx_nodes.append(helper.make_node("Relu", [x], [out]))
            elif op == "Relu6":
                self.onnx_nodes.append(helper.make_node("Clip", [x, self.const("zero", np.array(0, np.float32)), self.const("six", np.array(6, np.float32))], [out]))
            else:
                raise ValueError(f"{name}: unsupported fused op {op}")
            self.shape[out] = self.shape[x]
            x = out
        return x

    def convert(self, name):
        if name in self.converted:
            return self.converted[name]
        node = self.nodes[name]
        op = node["op"]
        inputs = [i.split(":")[0] for i in node.get("input", []) if not i.startswith("^")]
        out = name
        if op == "Placeholder":
            out = "input"
            self.shape[out] = (3, self.size, self.size)
        elif op in ("_FusedConv2D", "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative", "Conv2D"):
            x = self.convert(inputs[0])
            kernel = self.weights[inputs[1]]
            kh, kw, cin, cout = kernel.shape
            depthwise = "Depthwise" in op
            stride = attr_list(node, "strides")[1]
            dilation = attr_list(node, "dilations")[1] if "dilations" in node["attr"] else 1
            c, h, w = self.shape[x]
            padding = base64.b64decode(node["attr"]["padding"]["s"]).decode()
            if padding == "SAME":
                top, bottom, oh = same_pads(h, kh, stride, dilation)
                left, right, ow = same_pads(w, kw, stride, dilation)
            else:
                top = bottom = left = right = 0
                oh, ow = (h - (kh - 1) * dilation - 1) // stride + 1, (w - (kw - 1) * dilation - 1) // stride + 1
            if depthwise:
                weight = kernel.transpose(2, 3, 0, 1).reshape(cin * cout, 1, kh, kw)
                channels, group = cin * cout, cin
            else:
                weight = kernel.transpose(3, 2, 0, 1)
                channels, group = cout, 1
            ins = [x, self.const(inputs[1], weight)]
            ops = fused_ops(node)
            if "BiasAdd" in ops:
                ins.append(self.const(inputs[2], self.weights[inputs[2]].astype(np.float32)))
            conv_out = f"{name}/conv"
            self.onnx_nodes.append(
                helper.make_node("Conv", ins, [conv_out], kernel_shape=[kh, kw], strides=[stride, stride], dilations=[dilation, dilation], pads=[top, left, bottom, right], group=group)
            )
            self.shape[conv_out] = (channels, oh, ow)
            out = self.activation(name, conv_out, ops)
        elif op in ("Add", "AddV2", "Mul", "Sub"):
            graph_inputs = [i for i in inputs if self.nodes[i]["op"] != "Const"]
            like = self.convert(graph_inputs[0])
            a, b = (self.operand(i, like) for i in inputs)
            self.onnx_nodes.append(helper.make_node({"AddV2": "Add"}.get(op, op), [a, b], [out]))
            shapes = [self.shape[t] for t in (a, b) if t in self.shape]
            self.shape[out] = max(shapes, key=lambda s: s[1] * s[2])
        elif op == "Relu6":
            x = self.convert(inputs[0])
            self.onnx_nodes.append(helper.make_node("Clip", [x, self.const("zero", np.array(0, np.float32)), self.const("six", np.array(6, np.float32))], [out]))
            self.shape[out] = self.shape[x]
        elif op == "Relu":
            x = self.convert(inputs[0])
            self.onnx_nodes.append(helper.make_node("Relu", [x], [out]))
            self.shape[out] = self.shape[x]
        elif op == "Mean":
            x = self.convert(inputs[0])
            axes = [int(a) for a in np.atleast_1d(self.weights[inputs[1]])]
            if sorted(axes) != [1, 2]:
                raise ValueError(f"{name}: only spatial means are supported, got axes {axes}")
            keep = node["attr"].get("keep_dims", {}).get("b", False)
            self.onnx_nodes.append(helper.make_node("ReduceMean", [x], [out], axes=[2, 3], keepdims=1 if keep else 0))
            c = self.shape[x][0]
            self.shape[out] = (c, 1, 1)
            if not keep:
                raise ValueError(f"{name}: Mean without keep_dims is not supported")
        else:
            raise ValueError(f"{name}: unsupported op {op}")
        self.converted[name] = out
        return out


def pool_taps(converter, taps):
    """Each tap converted and averaged over space to a (batch, channels) tensor: [(its name, channels)]."""
    pooled = []
    for tap in taps:
        x = converter.convert(tap)
        pooled_name = f"pooled/{tap}"
        converter.onnx_nodes.append(helper.make_node("GlobalAveragePool", [x], [pooled_name]))
        flat = f"flat/{tap}"
        converter.onnx_nodes.append(helper.make_node("Flatten", [pooled_name], [flat], axis=1))
        pooled.append((flat, converter.shape[x][0]))
    return pooled


def taps_model(converter, taps, graph_name, producer):
    """A graph whose outputs are these taps, each averaged over space, under their own names (`taps`: output name ->
    node name): [(output name, channels)] beside it."""
    pooled = pool_taps(converter, list(taps.values()))
    for name, (flat, _) in zip(taps, pooled):
        converter.onnx_nodes.append(helper.make_node("Identity", [flat], [name]))
    size = converter.size
    graph = helper.make_graph(
        converter.onnx_nodes,
        graph_name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, size, size])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", channels]) for name, (_, channels) in zip(taps, pooled)],
        converter.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name=producer)
    onnx.checker.check_model(model)
    return model, [(name, channels) for name, (_, channels) in zip(taps, pooled)]


class Float16Converter(Float16Weights, Converter):
    """CenterNet's weights were float16 in @vladmandic/human: stored so, cast once (exact, half the bytes)."""


def build(size, taps):
    nodes, weights = load_graph(SOURCE)
    converter = Float16Converter(nodes, weights, size)
    pooled = pool_taps(converter, taps)
    dim = sum(c for _, c in pooled)
    converter.onnx_nodes.append(helper.make_node("Concat", [p for p, _ in pooled], ["embedding"], axis=1))
    graph = helper.make_graph(
        converter.onnx_nodes,
        "mobilenetv3-centernet-backbone",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, size, size])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", dim])],
        converter.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="metric-atlas training/convert_centernet.py")
    swishes, sigmoids = fuse_hard_activations(model)
    print(f"fused {swishes} hard-swish and {sigmoids} hard-sigmoid patterns")
    onnx.checker.check_model(model)
    return model, dim


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--taps", default=",".join(DEFAULT_TAPS))
    parser.add_argument("--out", default=os.path.join(ROOT, "models", "photo-mobilenetv3", "model.onnx"))
    args = parser.parse_args()
    model, dim = build(args.size, args.taps.split(","))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    onnx.save(model, args.out)
    print(f"{args.out}: input 3 x {args.size} x {args.size}, embedding {dim}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
