"""A small real-photograph set for few-shot evaluation, from scikit-image's
sample photographs (Debian python3-skimage) whose licences allow it: each
photograph is a class, its examples are random crops of it (fixed seed). The
task is to tell which photograph a crop comes from — recognising a place or
object from a few views, with real camera images.

    python3 training/export_photo_crops.py   # writes datasets/photo-crops/
"""
import os

import numpy as np
import skimage.data as data
from PIL import Image

from sheets import save_sheet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "datasets", "photo-crops")
CELL = 80
PER_PHOTO = 16
# name in skimage.data -> licence, as its docstring states
PHOTOS = {
    "astronaut": "public domain (NASA)",
    "brick": "CC0 (cc0textures.com)",
    "camera": "CC0 (Lav Varshney)",
    "chelsea": "CC0 (Stefan van der Walt)",
    "coffee": "CC0 (Rachel Michetti)",
    "grass": "CC0 (cc0textures.com)",
    "gravel": "CC0 (cc0textures.com)",
    "hubble_deep_field": "public domain (NASA)",
    "retina": "CC0 1.0",
    "rocket": "public domain (SpaceX)",
    "cell": "CC0",
    "clock": "public domain (Stefan van der Walt)",
}


def main():
    rng = np.random.default_rng(11)
    os.makedirs(OUT, exist_ok=True)
    rows, index = [], {"generatedBy": "python3 training/export_photo_crops.py", "cell": CELL, "perClass": PER_PHOTO, "classes": []}
    for name, licence in PHOTOS.items():
        image = getattr(data, name)()
        if image.ndim == 2:
            image = np.stack([image] * 3, axis=-1)
        image = image[..., :3]
        h, w = image.shape[:2]
        crops = []
        for _ in range(PER_PHOTO):
            side = int(rng.uniform(0.3, 0.55) * min(h, w))
            y, x = rng.integers(0, h - side + 1), rng.integers(0, w - side + 1)
            crops.append(np.asarray(Image.fromarray(image[y : y + side, x : x + side]).resize((CELL, CELL), Image.BOX)))
        rows.append(np.concatenate(crops, axis=1))
        index["classes"].append({"photo": name, "licence": licence, "source": "scikit-image sample data (skimage.data)"})
    save_sheet(OUT, "crops.png", rows, index)
    print(f"{len(PHOTOS)} photographs x {PER_PHOTO} crops -> {OUT}")


if __name__ == "__main__":
    main()
