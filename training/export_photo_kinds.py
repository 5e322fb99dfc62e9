"""A semantic photo set for few-shot evaluation: several different photographs
of each kind of thing (birds, fish, fruit, tools, ...), so a class is a kind,
not one photograph as in photo-crops. The photographs are Tux Paint's stamps
(Debian's tuxpaint-stamps-default, GPL-2): real photos of single objects cut
out on a transparent ground, filed by subject. Cartoon folders and drawn
stamps (SVG) are left out; so are subjects that are symbols or signs.

    apt-get install tuxpaint-stamps-default   # or apt-get download it and dpkg-deb -x
    python3 training/export_photo_kinds.py [--stamps /usr/share/tuxpaint/stamps]

Each stamp is composited over white, padded to a square (the whole object
stays in view), area-resampled to CELL px. Classes are listed so that the
even-numbered ones (validation: fitting, choosing) and the odd-numbered ones
(test: reported) each hold animals, food and objects.
"""
import argparse
import os

import numpy as np
from PIL import Image

from sheets import save_sheet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "datasets", "photo-kinds")
CELL = 96
PER_CLASS = 8
# class name -> stamp folders (photographs directly inside them, no subfolders)
CLASSES = {
    "birds": ["animals/birds"],
    "fish and sea creatures": ["animals/fish"],
    "insects and other small creatures": ["animals/insects"],
    "cattle, goats and sheep": ["animals/mammals/bovines"],
    "rodents and rabbits": ["animals/mammals/rodents"],
    "other land mammals": ["animals/mammals"],
    "fruit": ["food/fruit"],
    "vegetables": ["food/vegetables"],
    "flowers": ["plants/flowers"],
    "tools": ["household/tools"],
    "household objects": ["household"],
    "sports balls and gear": ["sports"],
}


def photographs(stamps, folder):
    """PNG stamps in the folder itself (not cartoon/ or toys/ below it)."""
    path = os.path.join(stamps, folder)
    return sorted(f for f in os.listdir(path) if f.endswith(".png") and os.path.isfile(os.path.join(path, f)))


def cell(path, size=CELL):
    """A stamp over white, padded to a square (the whole object in view), area-resampled to size px."""
    image = Image.open(path).convert("RGBA")
    side = max(image.size)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 255))
    square.alpha_composite(image, ((side - image.width) // 2, (side - image.height) // 2))
    return np.asarray(square.convert("RGB").resize((size, size), Image.BOX))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stamps", default="/usr/share/tuxpaint/stamps")
    args = parser.parse_args()
    rng = np.random.default_rng(16)
    rows = []
    index = {
        "generatedBy": "python3 training/export_photo_kinds.py",
        "source": "Tux Paint stamps, Debian package tuxpaint-stamps-default 2022.06.04-1 (stamps by Bill Kendrick and the Tux Paint contributors)",
        "licence": "GPL-2 (as Debian's copyright file for tuxpaint-stamps-default states for all its files)",
        "cell": CELL,
        "perClass": PER_CLASS,
        "split": "even-numbered classes are validation (fitting and choosing), odd-numbered ones test (reported)",
        "classes": [],
    }
    for number, (name, folders) in enumerate(CLASSES.items()):
        files = [os.path.join(folder, f) for folder in folders for f in photographs(args.stamps, folder)]
        if len(files) < PER_CLASS:
            raise SystemExit(f"{name}: only {len(files)} photographs in {folders}")
        chosen = sorted(rng.choice(files, PER_CLASS, replace=False).tolist())
        rows.append(np.concatenate([cell(os.path.join(args.stamps, f)) for f in chosen], axis=1))
        split = "validation" if number % 2 == 0 else "test"
        index["classes"].append({"kind": name, "split": split, "stamps": chosen})
    save_sheet(OUT, "photos.png", rows, index)
    print(f"{len(CLASSES)} kinds x {PER_CLASS} photographs -> {OUT}")


if __name__ == "__main__":
    main()
