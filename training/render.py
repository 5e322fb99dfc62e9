"""Renders every letter of the inventory in each font that covers it, as a
64 x 64 white-on-black "master" (the ink cropped and fitted into 56 x 56), plus
the master's one-pixel skeleton, which training redraws with pens of different
widths so that a font's strokes look like a pen's.

    python3 training/render.py          # writes training/cache/glyphs.npz
"""
import hashlib
import json
import os
import subprocess
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from skimage.morphology import skeletonize

HERE = os.path.dirname(os.path.abspath(__file__))
MASTER = 64
BOX = 56
EVALUATION_SHARE = 0.3  # of the writing systems, held out whole (Omniglot's background/evaluation split)


def is_evaluation(script):
    """A stable split that does not depend on how many scripts the fonts cover."""
    digest = hashlib.sha256(script.encode()).digest()
    return digest[0] / 256 < EVALUATION_SHARE


def render(ch, font_path):
    font = ImageFont.truetype(font_path, 96)
    canvas = Image.new("L", (256, 256), 0)
    ImageDraw.Draw(canvas).text((128, 128), ch, fill=255, font=font, anchor="mm")
    box = canvas.getbbox()
    if box is None:
        return None
    glyph = canvas.crop(box)
    w, h = glyph.size
    if max(w, h) < 8 or np.asarray(glyph).astype(bool).sum() < 30:
        return None  # a mark too small to be a letter (or a missing glyph)
    scale = BOX / max(w, h)
    glyph = glyph.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.BOX)
    master = Image.new("L", (MASTER, MASTER), 0)
    master.paste(glyph, ((MASTER - glyph.size[0]) // 2, (MASTER - glyph.size[1]) // 2))
    return np.asarray(master, dtype=np.uint8)


def main():
    inventory_path = os.path.join(HERE, "cache", "inventory.json")
    os.makedirs(os.path.dirname(inventory_path), exist_ok=True)
    with open(inventory_path, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "inventory.py")], stdout=f, check=True)
    with open(inventory_path) as f:
        inventory = json.load(f)
    masters, skeletons, labels, classes = [], [], [], []
    for script, letters in inventory.items():
        for ch, fonts in letters.items():
            drawings = [m for m in (render(ch, font) for font in fonts) if m is not None]
            if not drawings:
                continue
            label = len(classes)
            classes.append({"script": script, "char": ch, "evaluation": is_evaluation(script), "fonts": len(drawings)})
            for m in drawings:
                masters.append(m)
                skeletons.append(skeletonize(m > 127))
                labels.append(label)
    out = os.path.join(HERE, "cache", "glyphs.npz")
    np.savez_compressed(out, masters=np.stack(masters), skeletons=np.stack(skeletons), labels=np.array(labels, dtype=np.int32))
    with open(os.path.join(HERE, "cache", "classes.json"), "w") as f:
        json.dump(classes, f, ensure_ascii=False)
    scripts = {c["script"] for c in classes}
    held_out = {c["script"] for c in classes if c["evaluation"]}
    print(f"{len(classes)} letters in {len(scripts)} scripts ({len(held_out)} held out), {len(masters)} drawings -> {out}")


if __name__ == "__main__":
    main()
