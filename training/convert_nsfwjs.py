"""Converts the image backbone of nsfwjs 4.4.0's `mobilenet_v2_mid` graph (a
TensorFlow.js graph model wrapping TF-Hub's MobileNetV2 1.4 ImageNet feature
vector, fine-tuned by nsfwjs) into an ONNX embedding network: NCHW input of
RGB in [0, 1] at 224 x 224, output the pooled 1,792-d feature vector
(`feature_vector/SpatialSqueeze`). The 5-class content classifier after it is
never converted.

    python3 training/convert_nsfwjs.py                     # training/cache/photo-mobilenetv2-centernet.onnx
    python3 training/convert_nsfwjs.py --alone --out X.onnx  # the 1,792-d vector only

The two-branch graph is the retired photo-mobilenetv2-centernet; the lab's
photo model joins objectron's branch to it (training/convert_photo.py).

By default the graph also runs the photo-mobilenetv3 CenterNet taps
(training/convert_centernet.py) on the same pixels (x 255, as that branch
expects) and outputs both branches, each L2-normalised, concatenated (1,792 +
152 = 1,944): on validation classes that kept the vector's accuracy on kinds of
thing and the taps' on crops of one photograph (scripts/compare-photo-features.ts).
The raw branches are outputs too ("mobilenetv2", "centernet"), for the parity test.

The package stores each weight as uint8 codes with a per-tensor (min, scale).
The ONNX graph keeps those bytes and a 256-entry float32 table per tensor,
min + k * scale computed as TF.js computes it (in double, then rounded), and
looks the codes up (Cast to int32, Gather): both runtimes then use the very
same float32 weights, the file stays about as small as the package's, and
onnxruntime folds the lookups into float weights when the session is created.
DequantizeLinear (codes * scale, then + min, in float32) was tried first: its
weights differ from TF.js's by an ulp, which grew to 1.8e-4 at the output
(the parity test's bound is 1e-4), and onnxruntime did not fold it, so each
photo took 110 ms against 55 ms in Node. The .min.js files are CommonJS modules
(topology object, base64 shards), read through Node.
"""
import argparse
import base64
import json
import os
import subprocess

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

import convert_centernet
from convert_centernet import Converter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE = os.path.join(ROOT, "node_modules", "nsfwjs", "dist", "models", "mobilenet_v2_mid")
FEATURES = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze"


def require(path):
    """The value a .min.js module exports, as JSON, through Node."""
    script = "process.stdout.write(JSON.stringify(require(process.argv[1])))"
    return json.loads(subprocess.run(["node", "-e", script, path], check=True, capture_output=True, text=True).stdout)


def load_graph(source=SOURCE):
    """Nodes by name, float32 weights (min + q * scale, as TF.js computes them), and each weight's (q, min, scale)."""
    model = require(os.path.join(source, "model.min.js"))
    nodes = {n["name"]: n for n in model["modelTopology"]["node"]}
    weights, quantized = {}, {}
    for group in model["weightsManifest"]:
        data = b"".join(base64.b64decode(require(os.path.join(source, p + ".min.js"))) for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            q = spec["quantization"]
            if q["dtype"] != "uint8" or spec["dtype"] != "float32":
                raise ValueError(f"{spec['name']}: expected uint8-quantised float32, got {q['dtype']} / {spec['dtype']}")
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            codes = np.frombuffer(data[offset : offset + count], dtype=np.uint8).reshape(spec["shape"])
            offset += count
            weights[spec["name"]] = (codes.astype(np.float64) * q["scale"] + q["min"]).astype(np.float32)
            quantized[spec["name"]] = (q["min"], q["scale"])
        if offset != len(data):
            raise ValueError(f"weights use {offset} of {len(data)} bytes")
    return nodes, weights, quantized


class NsfwjsConverter(Converter):
    """convert_centernet's converter plus AvgPool/Squeeze, with weights kept as uint8 codes."""

    def __init__(self, nodes, weights, quantized, size):
        super().__init__(nodes, weights, size)
        self.quantized = quantized

    def const(self, name, array):
        if name not in self.quantized or array.size < 2:
            return super().const(name, array)
        low, scale = self.quantized[name]
        codes = np.round((array.astype(np.float64) - low) / scale)
        if not np.array_equal((codes * scale + low).astype(np.float32), array):
            raise ValueError(f"{name}: weights are not uint8 codes of (min, scale)")
        base = f"q/{name}/{len(self.initializers)}"
        table = (np.arange(256, dtype=np.float64) * scale + low).astype(np.float32)
        self.initializers += [
            numpy_helper.from_array(np.ascontiguousarray(codes.astype(np.uint8)), f"{base}/codes"),
            numpy_helper.from_array(table, f"{base}/table"),
        ]
        self.onnx_nodes.append(helper.make_node("Cast", [f"{base}/codes"], [f"{base}/index"], to=TensorProto.INT32))
        self.onnx_nodes.append(helper.make_node("Gather", [f"{base}/table", f"{base}/index"], [base], axis=0))
        return base

    def convert(self, name):
        if name in self.converted:
            return self.converted[name]
        node = self.nodes[name]
        inputs = [i.split(":")[0] for i in node.get("input", []) if not i.startswith("^")]
        if node["op"] == "AvgPool":
            x = self.convert(inputs[0])
            c, h, w = self.shape[x]
            ksize = [int(i) for i in node["attr"]["ksize"]["list"]["i"]]
            if ksize[1:3] != [h, w]:
                raise ValueError(f"{name}: only a pool over the whole {h} x {w} map is supported, got {ksize}")
            self.onnx_nodes.append(helper.make_node("GlobalAveragePool", [x], [name]))
            self.shape[name] = (c, 1, 1)
        elif node["op"] == "Squeeze":
            x = self.convert(inputs[0])
            self.onnx_nodes.append(helper.make_node("Flatten", [x], [name], axis=1))
            self.shape[name] = (self.shape[x][0], 1, 1)
        else:
            return super().convert(name)
        self.converted[name] = name
        return name


def nsfwjs_nodes(size, source=SOURCE):
    """The converted backbone's nodes and initializers, its input "input", its output and width."""
    nodes, weights, quantized = load_graph(source)
    converter = NsfwjsConverter(nodes, weights, quantized, size)
    features = converter.convert(FEATURES)
    return converter.onnx_nodes, converter.initializers, features, converter.shape[features][0]


def l2_normalised(x, out, nodes, initializers):
    """x / max(||x||, 1e-12), row by row."""
    initializers.append(numpy_helper.from_array(np.array(1e-12, np.float32), f"{out}/eps"))
    nodes += [
        helper.make_node("ReduceL2", [x], [f"{out}/norm"], axes=[1], keepdims=1),
        helper.make_node("Max", [f"{out}/norm", f"{out}/eps"], [f"{out}/safe"]),
        helper.make_node("Div", [x, f"{out}/safe"], [out]),
    ]


def centernet_nodes(size):
    """photo-mobilenetv3's graph on input * 255, every name prefixed "centernet/"; returns nodes, initializers, output, width."""
    model, dim = convert_centernet.build(size, convert_centernet.DEFAULT_TAPS)
    model = onnx.compose.add_prefix(model, "centernet/")
    scale = numpy_helper.from_array(np.array(255, np.float32), "centernet/to255")
    nodes = [helper.make_node("Mul", ["input", "centernet/to255"], ["centernet/input"]), *model.graph.node]
    return nodes, [scale, *model.graph.initializer], "centernet/embedding", dim


def build(size=224, alone=False, source=SOURCE):
    nodes, initializers, features, dim = nsfwjs_nodes(size, source)
    outputs = [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", dim])]
    if alone:
        nodes.append(helper.make_node("Identity", [features], ["embedding"]))
    else:
        cn_nodes, cn_initializers, cn_features, cn_dim = centernet_nodes(size)
        nodes += cn_nodes
        initializers += cn_initializers
        nodes += [helper.make_node("Identity", [features], ["mobilenetv2"]), helper.make_node("Identity", [cn_features], ["centernet"])]
        l2_normalised(features, "mobilenetv2/l2", nodes, initializers)
        l2_normalised(cn_features, "centernet/l2", nodes, initializers)
        nodes.append(helper.make_node("Concat", ["mobilenetv2/l2", "centernet/l2"], ["embedding"], axis=1))
        outputs = [
            helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", dim + cn_dim]),
            helper.make_tensor_value_info("mobilenetv2", TensorProto.FLOAT, ["batch", dim]),
            helper.make_tensor_value_info("centernet", TensorProto.FLOAT, ["batch", cn_dim]),
        ]
        dim += cn_dim
    graph = helper.make_graph(
        nodes,
        "mobilenetv2-1.4-nsfwjs-feature-vector" if alone else "mobilenetv2-1.4-nsfwjs-and-centernet-taps",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, size, size])],
        outputs,
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="metric-atlas training/convert_nsfwjs.py")
    onnx.checker.check_model(model)
    return model, dim


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--alone", action="store_true", help="only the MobileNetV2 1.4 vector, no CenterNet branch")
    parser.add_argument("--out", default=os.path.join(HERE, "cache", "photo-mobilenetv2-centernet.onnx"))
    args = parser.parse_args()
    model, dim = build(args.size, args.alone)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    onnx.save(model, args.out)
    print(f"{args.out}: input 3 x {args.size} x {args.size} in [0, 1], embedding {dim}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
