"""The photo model with a third branch joined in, as it would ship if a
candidate were adopted (issue 24): to measure the size and time of one graph,
not to ship it (written to training/cache/):

    python3 training/combine_photo_branch.py --branch training/cache/objectron-224-conv1.onnx --tap conv1 --name objectron

The branch graph (convert_objectron.py's or convert_nanodet.py's, at 224 px,
one tap) reads the same "input"; its pooled tap is L2-normalised like the two
others (convert_nsfwjs.l2_normalised) and appended to "embedding", and is an
output of its own too. The shipped graph's float32 weights that came from
float16 (the CenterNet taps) are stored as float16 and cast once, exactly
(float16_weights.py), which gives back about 1 MB of the size budget.
"""
import argparse
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper

from convert_nsfwjs import l2_normalised
from float16_weights import SMALLEST

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(os.path.dirname(HERE), "models", "photo-mobilenetv2-centernet", "model.onnx")


def float16_initializers(graph):
    """Every float32 initializer that float16 holds exactly stored as float16, with a Cast back to its name."""
    casts, kept = [], []
    for init in graph.initializer:
        value = numpy_helper.to_array(init)
        if value.dtype == np.float32 and value.size >= SMALLEST and np.array_equal(value.astype(np.float16).astype(np.float32), value):
            kept.append(numpy_helper.from_array(value.astype(np.float16), init.name + "/f16"))
            casts.append(helper.make_node("Cast", [init.name + "/f16"], [init.name], to=onnx.TensorProto.FLOAT))
        else:
            kept.append(init)
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    return len(casts)


def combine(branch_path, tap, name):
    model = onnx.load(SHIPPED)
    branch = onnx.compose.add_prefix(onnx.load(branch_path), f"{name}/")
    graph = model.graph
    cast = float16_initializers(graph)
    nodes = [helper.make_node("Identity", ["input"], [f"{name}/input"]), *branch.graph.node]
    initializers = list(branch.graph.initializer)
    nodes.append(helper.make_node("Identity", [f"{name}/{tap}"], [name]))
    l2_normalised(f"{name}/{tap}", f"{name}/l2", nodes, initializers)
    (joint,) = [n for n in graph.node if n.output[0] == "embedding"]
    graph.node.remove(joint)  # re-added last: it now reads the new branch too
    joint.input.append(f"{name}/l2")
    graph.node.extend([*nodes, joint])
    graph.initializer.extend(initializers)
    width = branch.graph.output[[o.name for o in branch.graph.output].index(f"{name}/{tap}")].type.tensor_type.shape.dim[1].dim_value
    embedding = graph.output[0].type.tensor_type.shape.dim[1]
    embedding.dim_value += width
    graph.output.append(helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, ["batch", width]))
    onnx.checker.check_model(model)
    return model, cast, embedding.dim_value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--branch", required=True)
    parser.add_argument("--tap", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--out")
    args = parser.parse_args()
    out = args.out or os.path.join(HERE, "cache", f"photo-mobilenetv2-centernet-{args.name}.onnx")
    model, cast, dim = combine(args.branch, args.tap, args.name)
    onnx.save(model, out)
    print(f"{out}: embedding {dim}, {cast} float16 weights of the shipped graph, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
