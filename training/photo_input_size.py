"""The photo model with a free input height and width, to measure other input
sizes (192 px against the shipped 224) without converting it again.

    python3 training/photo_input_size.py   # -> training/cache/photo-mobilenetv2-centernet-any-size.onnx

Every layer of the retired photo-mobilenetv2-centernet's graph
(training/cache/photo-mobilenetv2-centernet.onnx, from convert_nsfwjs.py) is a convolution,
an element-wise op or a global average (GlobalAveragePool, ReduceMean over the
two spatial axes): nothing fixes 224 but the input's declared shape, so
freeing those two dimensions is all it takes (the script checks that no
Reshape, Resize or fixed-size pooling is there). For the lab, the same change
would go into training/convert_nsfwjs.py and convert_photo.py, which write the shipped graph.
"""
import os

import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "cache", "photo-mobilenetv2-centernet.onnx")
OUT = os.path.join(HERE, "cache", "photo-mobilenetv2-centernet-any-size.onnx")

model = onnx.load(SOURCE)
fixed = [n.op_type for n in model.graph.node if n.op_type in ("Reshape", "Resize", "AveragePool", "MaxPool")]
if fixed:
    raise SystemExit(f"the graph has size-bound ops: {sorted(set(fixed))}")
dims = model.graph.input[0].type.tensor_type.shape.dim
dims[2].ClearField("dim_value")
dims[2].dim_param = "height"
dims[3].ClearField("dim_value")
dims[3].dim_param = "width"
onnx.checker.check_model(model)
os.makedirs(os.path.dirname(OUT), exist_ok=True)
onnx.save(model, OUT)
print(f"{OUT}: input {[d.dim_value or d.dim_param for d in dims]}")
