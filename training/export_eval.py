"""Writes the held-out writing systems as a compact evaluation set:
datasets/glyphs-heldout/<n>.png sheets (one row per letter, PER_LETTER pen-like
drawings of CELL x CELL pixels, white on black) and index.json, which names each
letter by its Unicode name (Latin script, for pages without the script's font). Fixed seed.

    python3 training/export_eval.py
"""
import json
import os
import unicodedata

import numpy as np
import torch
from PIL import Image

from augment import augment
from train_sketch import Glyphs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "datasets", "glyphs-heldout")
PER_LETTER = 16  # one support and fifteen queries
CELL = 32


def main():
    glyphs = Glyphs(os.path.join(HERE, "cache", "glyphs.npz"))
    rng = np.random.default_rng(2024)
    generator = torch.Generator().manual_seed(2024)
    os.makedirs(OUT, exist_ok=True)
    scripts = {}
    for class_id in glyphs.class_ids(True):
        scripts.setdefault(glyphs.classes[class_id]["script"], []).append(class_id)
    index = {"generatedBy": "python3 training/export_eval.py", "cell": CELL, "perLetter": PER_LETTER, "scripts": []}
    total = 0
    for number, (script, class_ids) in enumerate(sorted(scripts.items())):
        rows = []
        for class_id in class_ids:
            drawings = [rng.choice(glyphs.by_class[class_id]) for _ in range(PER_LETTER)]
            idx = torch.tensor(drawings)
            ink = augment(glyphs.masters[idx], glyphs.skeletons[idx], generator).clamp(0, 1)
            small = [Image.fromarray((m.numpy() * 255).round().astype(np.uint8)).resize((CELL, CELL), Image.BOX) for m in ink]
            rows.append(np.concatenate([np.asarray(s) for s in small], axis=1))
        file = f"{number:02d}.png"
        sheet = np.concatenate(rows, axis=0)
        # Sixteen gray levels (a 4-bit palette PNG) keep the anti-aliasing and a third of the bytes.
        levels = (sheet.astype(np.uint16) * 15 + 127) // 255
        image = Image.fromarray(levels.astype(np.uint8), mode="P")
        image.putpalette([v for level in range(16) for v in (level * 17,) * 3])
        image.save(os.path.join(OUT, file), optimize=True, bits=4)
        letters = [glyphs.classes[c]["char"] for c in class_ids]
        index["scripts"].append({"file": file, "script": script, "letters": letters, "names": [unicodedata.name(letter) for letter in letters]})
        total += len(class_ids)
    with open(os.path.join(OUT, "index.json"), "w") as f:
        json.dump(index, f, ensure_ascii=False, indent=1)
    print(f"{len(scripts)} scripts, {total} letters x {PER_LETTER} drawings -> {OUT}")


if __name__ == "__main__":
    main()
