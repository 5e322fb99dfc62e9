"""Fuses the hard-swish and hard-sigmoid patterns that TensorFlow spells out
op by op into ONNX's own operators, so onnxruntime makes one pass over each
tensor instead of three or four (and can fold HardSigmoid into the
convolution before it):

    Mul(c, x), Add(x, 3), Clip(0, 6), Mul(·, ·)   →  HardSwish(x)
    Add(z, 3), Clip(0, 6), Mul(c, ·)               →  HardSigmoid(z; α = 1/6, β = 0.5)

c is the graph's 1/6, which its float16 weights store as 0.16662598; the ONNX
operators use 1/6 exactly, as TensorFlow's hard_swish defines it. That moves
the embeddings by about 1e-3 (relative) from the float16 graph, so the parity
test gives its reference the same exact 1/6 (src/lib/eval/centernet-graph.ts).
Measured in Chromium (npm run bench:models-browser): 18.0 → 14–15 ms per
224-px photo on one thread.
"""
import numpy as np
from onnx import helper, numpy_helper


def fuse_hard_activations(model):
    graph = model.graph
    scalars = {i.name: numpy_helper.to_array(i) for i in graph.initializer if numpy_helper.to_array(i).size == 1}
    producer = {o: n for n in graph.node for o in n.output}
    consumers = {}
    for n in graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)

    def scalar(name, value):
        return name in scalars and np.isclose(float(scalars[name]), value, rtol=1e-3)

    def gate(inputs, output):
        return helper.make_node("HardSigmoid", inputs, [output], alpha=1 / 6, beta=0.5)

    def other(node, name):
        return [i for i in node.input if i != name]

    removed, added = set(), []
    for clip in [n for n in graph.node if n.op_type == "Clip"]:
        if len(clip.input) != 3 or not (scalar(clip.input[1], 0) and scalar(clip.input[2], 6)):
            continue
        add = producer.get(clip.input[0])
        if add is None or add.op_type != "Add" or not any(scalar(i, 3) for i in add.input):
            continue
        x = next(i for i in add.input if not scalar(i, 3))
        users = consumers.get(clip.output[0], [])
        if len(users) != 1 or users[0].op_type != "Mul":
            continue
        mul = users[0]
        partner = other(mul, clip.output[0])[0]
        if scalar(partner, 1 / 6):
            # Hard sigmoid: the gate of a squeeze-excite block.
            added.append((mul, gate([x], mul.output[0])))
            removed.update(id(n) for n in (add, clip, mul))
            continue
        scaled = producer.get(partner)
        if scaled is not None and scaled.op_type == "Mul" and x in scaled.input and any(scalar(i, 1 / 6) for i in scaled.input) and len(consumers[scaled.output[0]]) == 1:
            added.append((mul, helper.make_node("HardSwish", [x], list(mul.output))))
            removed.update(id(n) for n in (add, clip, mul, scaled))

    replacement = {id(old): new for old, new in added}
    nodes = [replacement.get(id(n), n) for n in graph.node if id(n) not in removed or id(n) in replacement]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {i for n in graph.node for i in n.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = max(opset.version, 14)
    return sum(1 for _, n in added if n.op_type == "HardSwish"), sum(1 for _, n in added if n.op_type == "HardSigmoid")
