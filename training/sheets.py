"""Writing an evaluation set as the harness reads it (src/lib/eval/datasets-node.ts):
one PNG sheet, a row of equal cells per class, and index.json beside it."""
import json
import os

import numpy as np
from PIL import Image


def save_sheet(out, png_name, rows, index):
    """rows: one H x (cells * W) x 3 uint8 array per class."""
    os.makedirs(out, exist_ok=True)
    Image.fromarray(np.concatenate(rows, axis=0)).save(os.path.join(out, png_name), optimize=True)
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
