"""8-bit static quantization of the photo model (QDQ, per-channel weights),
calibrated on real photographs that are not in the evaluation data.

    python3 training/quantize_photo.py expose     # float model + every tensor as an output
    node training/calibrate_photo.ts               # ranges of every tensor on calibration photos
    python3 training/quantize_photo.py quantize   # the QDQ model

Measured and not adopted (2026-11-28, onnxruntime-web 1.30 WASM in Node, one
thread, this 2-core Xeon, three runs): 22.1–22.3 ms per 224-px photo against
14.2–17.7 ms for the float model, and embeddings at cosine 0.86 from the float
ones on a synthetic input. The site keeps the float model; the script stays as the record of how
the trial was made. The graph is laid out for onnxruntime to fuse each
DequantizeLinear → Conv → QuantizeLinear into QLinearConv (uint8 activations,
int8 weights with one scale per output channel, int32 bias at scale sx·sw);
a Relu after a Conv is folded away when its range starts at 0. Everything else
(HardSwish, HardSigmoid, Add, Mul, the means) stays float between
DequantizeLinear and QuantizeLinear.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLOAT = os.path.join(ROOT, "models", "photo-mobilenetv3", "model.onnx")
CACHE = os.path.join(HERE, "cache")
EXPOSED = os.path.join(CACHE, "photo-calibration.onnx")
RANGES = os.path.join(CACHE, "photo-ranges.json")
OUT = os.path.join(ROOT, "models", "photo-mobilenetv3-int8", "model.onnx")


def expose():
    model = onnx.load(FLOAT)
    names = {o.name for o in model.graph.output}
    for node in model.graph.node:
        for out in node.output:
            if out not in names:
                model.graph.output.append(helper.make_tensor_value_info(out, TensorProto.FLOAT, None))
                names.add(out)
    os.makedirs(CACHE, exist_ok=True)
    onnx.save(model, EXPOSED)
    print(f"{EXPOSED}: {len(names)} outputs")


def activation_params(lo, hi):
    """uint8, asymmetric; the range always holds 0 so that zero is exact."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255 or 1.0
    zero = int(np.clip(round(-lo / scale), 0, 255))
    return np.float32(scale), np.uint8(zero)


def quantize():
    model = onnx.load(FLOAT)
    graph = model.graph
    ranges = json.load(open(RANGES))
    inits = {i.name: i for i in graph.initializer}
    consumers = {}
    for n in graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)

    convs = [n for n in graph.node if n.op_type == "Conv"]
    # Tensors to carry as uint8: each Conv's data input, and each Conv's output (after its Relu, if a Relu alone follows).
    quantized = set()
    for conv in convs:
        quantized.add(conv.input[0])
        users = consumers.get(conv.output[0], [])
        quantized.add(users[0].output[0] if len(users) == 1 and users[0].op_type == "Relu" else conv.output[0])

    new_nodes, new_inits = [], []
    weight_dequantizers = {}
    params = {}
    for name in sorted(quantized):
        lo, hi = ranges[name]
        scale, zero = activation_params(lo, hi)
        params[name] = scale
        s, z = f"{name}/scale", f"{name}/zero"
        new_inits += [numpy_helper.from_array(np.array(scale, np.float32), s), numpy_helper.from_array(np.array(zero, np.uint8), z)]
        new_nodes.append((name, [helper.make_node("QuantizeLinear", [name, s, z], [f"{name}/q"]), helper.make_node("DequantizeLinear", [f"{name}/q", s, z], [f"{name}/dq"])]))
    rename = {name: f"{name}/dq" for name in quantized}

    for conv in convs:
        w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float32)
        channels = w.shape[0]
        largest = np.abs(w.reshape(channels, -1)).max(axis=1)
        # A channel whose weights are all zero can take any scale; 1 keeps its bias representable.
        w_scale = np.where(largest > 0, largest / 127, 1.0)
        w_q = np.clip(np.round(w / w_scale.reshape(-1, 1, 1, 1)), -127, 127).astype(np.int8)
        base = conv.input[1]
        new_inits += [
            numpy_helper.from_array(w_q, f"{base}/q"),
            numpy_helper.from_array(w_scale.astype(np.float32), f"{base}/scale"),
            numpy_helper.from_array(np.zeros(channels, np.int8), f"{base}/zero"),
        ]
        dq_w = helper.make_node("DequantizeLinear", [f"{base}/q", f"{base}/scale", f"{base}/zero"], [f"{base}/dq"], axis=0)
        inputs = [rename.get(conv.input[0], conv.input[0]), f"{base}/dq"]
        extra = [dq_w]
        if len(conv.input) > 2:
            b = numpy_helper.to_array(inits[conv.input[2]]).astype(np.float32)
            b_scale = (params[conv.input[0]] * w_scale).astype(np.float32)
            b_q = np.clip(np.round(b / b_scale), -(2**31), 2**31 - 1).astype(np.int32)
            bname = conv.input[2]
            new_inits += [numpy_helper.from_array(b_q, f"{bname}/q"), numpy_helper.from_array(b_scale, f"{bname}/scale"), numpy_helper.from_array(np.zeros(channels, np.int32), f"{bname}/zero")]
            extra.append(helper.make_node("DequantizeLinear", [f"{bname}/q", f"{bname}/scale", f"{bname}/zero"], [f"{bname}/dq"], axis=0))
            inputs.append(f"{bname}/dq")
        conv.ClearField("input")
        conv.input.extend(inputs)
        weight_dequantizers[conv.output[0]] = extra

    nodes = []
    pending = dict(new_nodes)
    if "input" in pending:
        nodes += pending.pop("input")
    for n in graph.node:
        if n.op_type != "Conv":
            n_inputs = [rename.get(i, i) for i in n.input]
            n.ClearField("input")
            n.input.extend(n_inputs)
        else:
            nodes += weight_dequantizers[n.output[0]]
        nodes.append(n)
        for out in n.output:
            if out in pending:
                nodes += pending.pop(out)
    assert not pending, f"unplaced quantizers: {list(pending)[:3]}"
    used = {i for n in nodes for i in n.input}
    kept = [i for i in graph.initializer if i.name in used] + [i for i in new_inits if i.name in used]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept)
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    onnx.save(model, OUT)
    print(f"{OUT}: {len(convs)} convolutions quantized, {len(quantized)} activations, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    {"expose": expose, "quantize": quantize}[sys.argv[1]]()
