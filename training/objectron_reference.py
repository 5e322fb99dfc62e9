"""The parity check of training/convert_objectron.py: its ONNX taps (run in
Node by scripts/photo-candidates/dump-taps.ts, which also writes the input
tensors) against the original TFLite detector run by Arm NN's TFLite parser
and reference CPU backend (Debian's python3-pyarmnn 20.08 and
libarmnn-cpuref-backend22), on the same input tensors:

    npx node scripts/photo-candidates/dump-taps.ts training/cache/objectron-300.onnx 300 training/cache/objectron-parity
    python3 training/objectron_reference.py training/cache/objectron-parity

Arm NN 20.08 cannot read float16 weights behind DEQUANTIZE operators, so it
gets a copy of the file patched in place: each float16 weight tensor made a
float32 one (its values, exactly, in a new buffer appended to the file), its
consumers pointed at it, the DEQUANTIZE operators dropped, and the subgraph's
two outputs pointed at the two taps. Every operator and its options are Arm
NN's own reading of the original FlatBuffer.
"""
import json
import os
import struct
import sys

import numpy as np

from convert_objectron import TAPS, packed_model, tap_tensors
from tflite_reader import Table, read_tflite


def append_buffer(out, payload):
    """A new Buffer table (its one field: a vector of bytes) at the end of `out`; returns the table's position."""
    out += b"\0" * (-len(out) % 4)
    vtable = len(out)
    out += struct.pack("<HHH", 6, 8, 4) + b"\0\0"  # vtable: its size, the table's size, field 0 at +4
    table = len(out)
    vector = table + 8 + (-(table + 8 + 4) % 16)  # the data 16-byte aligned
    out += struct.pack("<iI", table - vtable, vector - (table + 4))
    out += b"\0" * (vector - len(out)) + struct.pack("<I", len(payload)) + payload
    return table


def float32_copy(data, outputs):
    """The model with float32 weights in place of float16 + DEQUANTIZE, and these tensor indices as its outputs."""
    model, out = read_tflite(data), bytearray(data)
    root = Table(data, struct.unpack_from("<I", data, 0)[0])
    subgraph = root.tables(2)[0]
    tensor_tables, op_tables = subgraph.tables(0), subgraph.tables(3)
    buffers_start, _ = root.vector(4)
    replaced = {}
    for op in model["operators"]:
        if op["code"] != "DEQUANTIZE":
            continue
        (source,), (result,) = op["inputs"], op["outputs"]
        replaced[result] = source
        t = tensor_tables[source]
        out[t.field(1)] = 0  # TensorType FLOAT32
        buffer_index = t.scalar(2, "I")
        entry = buffers_start + 4 * buffer_index
        table = append_buffer(out, model["tensors"][source]["data"].astype(np.float32).tobytes())
        struct.pack_into("<I", out, entry, table - entry)
    kept = []
    for op, table in zip(model["operators"], op_tables):
        if op["code"] == "DEQUANTIZE":
            continue
        start, n = table.vector(1)
        for k in range(n):
            index = struct.unpack_from("<i", out, start + 4 * k)[0]
            struct.pack_into("<i", out, start + 4 * k, replaced.get(index, index))
        kept.append(table.pos)
    ops_start, _ = subgraph.vector(3)
    struct.pack_into("<I", out, ops_start - 4, len(kept))
    for k, pos in enumerate(kept):
        struct.pack_into("<I", out, ops_start + 4 * k, pos - (ops_start + 4 * k))
    outputs_start, n = subgraph.vector(2)
    if n != len(outputs):
        raise ValueError(f"the subgraph has {n} outputs, not {len(outputs)}")
    struct.pack_into(f"<{n}i", out, outputs_start, *outputs)
    return bytes(out)


def armnn_taps(path, images):
    """Each output of the TFLite file at `path` for each NHWC image, averaged over space."""
    import pyarmnn as ann

    parser = ann.ITfLiteParser()
    network = parser.CreateNetworkFromBinaryFile(path)
    runtime = ann.IRuntime(ann.CreationOptions())
    optimized, _ = ann.Optimize(network, [ann.BackendId("CpuRef")], runtime.GetDeviceSpec(), ann.OptimizerOptions())
    network_id, _ = runtime.LoadNetwork(optimized)
    (input_name,) = parser.GetSubgraphInputTensorNames(0)
    output_names = parser.GetSubgraphOutputTensorNames(0)
    input_binding = parser.GetNetworkInputBindingInfo(0, input_name)
    results = []
    for image in images:
        output_tensors = ann.make_output_tensors([parser.GetNetworkOutputBindingInfo(0, n) for n in output_names])
        runtime.EnqueueWorkload(network_id, ann.make_input_tensors([input_binding], [np.ascontiguousarray(image[None])]), output_tensors)
        results.append([m.reshape(m.shape[-3:]).mean(axis=(0, 1)) for m in ann.workload_tensors_to_ndarray(output_tensors)])
    return output_names, results


def main():
    folder = sys.argv[1]
    index = json.load(open(os.path.join(folder, "index.json")))
    size, names = index["size"], index["pictures"]
    nchw = np.fromfile(os.path.join(folder, "input.bin"), np.float32).reshape(len(names), 3, size, size)
    taps = list(TAPS)
    model_data = packed_model()
    tensor_of = tap_tensors(read_tflite(model_data), taps)
    patched = os.path.join(folder, "float32.tflite")
    with open(patched, "wb") as f:
        f.write(float32_copy(model_data, [tensor_of[t] for t in taps]))
    # MediaPipe's [-1, 1], NHWC; the ONNX graph does the same x * 2 - 1 inside.
    _, reference = armnn_taps(patched, [(x.transpose(1, 2, 0) * 2 - 1).astype(np.float32) for x in nchw])
    for k, tap in enumerate(taps):
        ours = np.fromfile(os.path.join(folder, f"{tap}.bin"), np.float32).reshape(len(names), -1)
        for i, name in enumerate(names):
            theirs = reference[i][k]
            worst, scale = np.abs(ours[i] - theirs).max(), np.abs(theirs).max()
            print(f"{size} px {name} {tap} ({theirs.size}): max |Δ| {worst:.2e}, max |value| {scale:.3f}, relative {worst / scale:.2e}")


if __name__ == "__main__":
    main()
