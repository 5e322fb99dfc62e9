"""Converts the MobileNetV2 feature extractor of MediaPipe objectron's 2-D
object detector (object_detection_ssd_mobilenetv2_oidv4_fp16.tflite: SSD on
MobileNetV2 1.0, Open Images v4, 23 classes, float16 weights) into ONNX
(opset 14): NCHW input of RGB in [0, 1], one output per tap, each feature map
averaged over space. The SSD's extra layers and box predictors are never
converted.

    python3 training/convert_objectron.py --size 224 --out training/cache/objectron-224.onnx
    python3 training/convert_objectron.py --size 224 --uint8 --out training/cache/objectron-uint8-224.onnx

The package (@mediapipe/objectron 0.4.1675468480, Apache-2.0) is fetched from
the npm registry into training/cache/objectron/ (npm pack) the first time; it
is not a dependency of the site. The .tflite is bytes [start, end) of
objectron_solution_packed_assets.data
(the offsets are in objectron_solution_packed_assets_loader.js). Nothing in
Debian reads TFLite, so a small FlatBuffers reader (tflite_reader.py) turns
its operators into TF.js-style nodes, which convert_centernet.Converter
converts as it converts CenterNet's graph. MediaPipe feeds the detector the
picture stretched to 300 x 300, as [-1, 1] (TfLiteConverterCalculator's
default zero_center; modules/objectron/object_detection_oid_v4_cpu.pbtxt):
the graph takes [0, 1] and maps it with x * 2 - 1.

--uint8 stores each convolution kernel as 8-bit codes of its own min and
step, as the shipped MobileNetV2 branch stores nsfwjs's (convert_nsfwjs's
converter): about half the file, but no longer the TFLite file's values.
"""
import argparse
import base64
import json
import os
import subprocess

import numpy as np
import onnx
from onnx import helper

from convert_centernet import Converter, taps_model
from convert_nsfwjs import NsfwjsConverter
from float16_weights import Float16Weights
from tflite_reader import read_tflite

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(HERE, "cache", "objectron", "package")
NPM_PACKAGE = "@mediapipe/objectron@0.4.1675468480"
MODEL_NAME = "object_detection_ssd_mobilenetv2_oidv4_fp16.tflite"
M = "FeatureExtractor/MobilenetV2/"
# Pooled taps, by the TFLite tensor whose name starts so.
TAPS = {
    "conv1": M + "Conv_1/Relu6",  # MobileNetV2's last 1 x 1 convolution, 1280 channels, stride 32
    "expand13": M + "expanded_conv_13/expand/Relu6",  # the stride-16 map SSD's first predictor reads, 576
}
ACTIVATIONS = {0: [], 3: ["Relu6"], 1: ["Relu"]}  # TFLite's fused_activation_function
b64 = lambda s: base64.b64encode(s.encode()).decode()  # noqa: E731 (TF.js graphs store strings so)


def fetch_package():
    """The objectron npm package, unpacked into PACKAGE, unless it is there already."""
    if os.path.exists(PACKAGE):
        return
    unpacked = os.path.dirname(PACKAGE)
    os.makedirs(unpacked, exist_ok=True)
    packed = subprocess.run(["npm", "pack", "--silent", NPM_PACKAGE], cwd=unpacked, check=True, capture_output=True, text=True).stdout.split()[-1]
    subprocess.run(["tar", "-xzf", packed], cwd=unpacked, check=True)


def packed_model():
    """The detector's bytes, cut out of the packed assets by the loader script's offsets."""
    fetch_package()
    loader = open(os.path.join(PACKAGE, "objectron_solution_packed_assets_loader.js")).read()
    metadata = json.loads(loader[loader.index('{"files"') : loader.index("]", loader.index('{"files"')) + 1] + "}")
    entry = next(f for f in metadata["files"] if f["filename"].endswith("/" + MODEL_NAME))
    with open(os.path.join(PACKAGE, "objectron_solution_packed_assets.data"), "rb") as f:
        return f.read()[entry["start"] : entry["end"]]


def as_tfjs_nodes(model):
    """The TFLite operators as TF.js graph nodes (the names convert_centernet.Converter reads) and their weights, TF layout."""
    tensors, name_of = model["tensors"], lambda i: f"t{i}"
    nodes, weights = {}, {}
    nodes["image"] = {"name": "image", "op": "Placeholder"}
    for name, value in (("two", 2.0), ("one", 1.0)):
        nodes[name] = {"name": name, "op": "Const"}
        weights[name] = np.array(value, np.float32)
    nodes["scaled"] = {"name": "scaled", "op": "Mul", "input": ["image", "two"]}
    (graph_input,) = model["inputs"]
    nodes[name_of(graph_input)] = {"name": name_of(graph_input), "op": "Sub", "input": ["scaled", "one"]}
    for i, t in enumerate(tensors):
        if t["data"] is not None:
            nodes[name_of(i)] = {"name": name_of(i), "op": "Const"}
            weights[name_of(i)] = t["data"].astype(np.float32) if t["data"].dtype == np.float16 else t["data"]
    for op in model["operators"]:
        ins, (out,) = [name_of(i) for i in op["inputs"]], op["outputs"]
        o = op["options"]
        if op["code"] == "DEQUANTIZE":  # float16 weights -> float32: a Const of the same values
            nodes[name_of(out)] = {"name": name_of(out), "op": "Const"}
            weights[name_of(out)] = weights[ins[0]]
        elif op["code"] in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            if o["stride_w"] != o["stride_h"] or o["dilation_w_factor"] != o["dilation_h_factor"]:
                raise ValueError(f"{tensors[out]['name']}: only square strides and dilations are supported")
            depthwise = op["code"] == "DEPTHWISE_CONV_2D"
            kernel = weights[ins[1]]  # OHWI (depthwise: 1 x H x W x C·multiplier) -> HWIO (depthwise: H x W x C x multiplier)
            kernel_name = ins[1] + "/hwio"
            weights[kernel_name] = kernel.reshape(kernel.shape[1], kernel.shape[2], -1, o["depth_multiplier"]) if depthwise else kernel.transpose(1, 2, 3, 0)
            nodes[kernel_name] = {"name": kernel_name, "op": "Const"}
            nodes[name_of(out)] = {
                "name": name_of(out),
                "op": "FusedDepthwiseConv2dNative" if depthwise else "_FusedConv2D",
                "input": [ins[0], kernel_name, ins[2]],
                "attr": {
                    "strides": {"list": {"i": [1, o["stride_h"], o["stride_w"], 1]}},
                    "dilations": {"list": {"i": [1, o["dilation_h_factor"], o["dilation_w_factor"], 1]}},
                    "padding": {"s": b64({0: "SAME", 1: "VALID"}[o["padding"]])},
                    "fused_ops": {"list": {"s": [b64(s) for s in ["BiasAdd", *ACTIVATIONS[o["fused_activation_function"]]]]}},
                },
            }
        elif op["code"] == "ADD":
            if o["fused_activation_function"] != 0:
                raise ValueError(f"{tensors[out]['name']}: Add with a fused activation")
            nodes[name_of(out)] = {"name": name_of(out), "op": "AddV2", "input": ins}
        # RESHAPE and CONCATENATION only feed the SSD box predictors, which are not converted.
    return nodes, weights


class TfliteConverter(Float16Weights, Converter):
    """convert_centernet's converter on as_tfjs_nodes' nodes, float16 weights kept float16."""


def as_uint8_codes(nodes, weights):
    """Every convolution kernel rounded to 256 levels between its min and max: the weights and each one's (min, step)."""
    kernels = {n["input"][1] for n in nodes.values() if n["op"] in ("_FusedConv2D", "FusedDepthwiseConv2dNative")}
    quantized, coded = {}, dict(weights)
    for name in kernels:
        w = weights[name].astype(np.float64)
        low, step = w.min(), (w.max() - w.min()) / 255
        coded[name] = (np.round((w - low) / step) * step + low).astype(np.float32)
        quantized[name] = (low, step)
    return coded, quantized


def tap_tensors(model, taps):
    """The tensor index of each tap (the one tensor whose name starts with its prefix)."""
    found = {}
    for tap in taps:
        (found[tap],) = [i for i, t in enumerate(model["tensors"]) if t["name"].startswith(TAPS[tap] + ";") or t["name"] == TAPS[tap]]
    return found


def build(size, taps, uint8=False):
    model = read_tflite(packed_model())
    nodes, weights = as_tfjs_nodes(model)
    converter = NsfwjsConverter(nodes, *as_uint8_codes(nodes, weights), size) if uint8 else TfliteConverter(nodes, weights, size)
    indices = tap_tensors(model, taps)
    return taps_model(converter, {tap: f"t{indices[tap]}" for tap in taps}, "objectron-ssd-mobilenetv2-oidv4-taps", "metric-atlas training/convert_objectron.py")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--taps", default=",".join(TAPS), help=f"some of {', '.join(TAPS)}")
    parser.add_argument("--uint8", action="store_true", help="kernels as 8-bit codes (lossy), not float16")
    parser.add_argument("--out", default=os.path.join(HERE, "cache", "objectron-224.onnx"))
    args = parser.parse_args()
    model, outputs = build(args.size, args.taps.split(","), args.uint8)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    onnx.save(model, args.out)
    print(f"{args.out}: input 3 x {args.size} x {args.size} in [0, 1], outputs {outputs}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
