"""Photographs outside every evaluation set, for a base mean (true CL2N,
issue 24): a few dozen Tux Paint photo stamps that no evaluation set uses
(not in photo-kinds, photo-kinds-wide or photo-crops, and no second shot or
mirror of a picture that is), and Tux Paint's photographic templates (scenes).
Both Debian packages are GPL-2 or later. Written to training/cache/ (not
shipped): scripts/compare-photo-candidates.ts reads it.

    python3 training/export_photo_base.py

Stamps are made as the evaluation sets' cells are (over white, padded to a
square, area-resampled to 96 px); templates are centre-cropped to a square,
then resampled the same way.
"""
import json
import os

import numpy as np
from PIL import Image

from export_photo_kinds import cell
from sheets import save_sheet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cache", "photo-base")
STAMPS = "/usr/share/tuxpaint/stamps"
TEMPLATES = "/usr/share/tuxpaint/templates"
CELL = 96
COLUMNS = 10
UNUSED_STAMPS = [
    "animals/amphibians/frog-1", "animals/amphibians/frog", "animals/lizards/iguana", 
    "animals/mammals/ferret", "food/nuts/almond", "food/nuts/pecan", "food/nuts/walnut",
    "food/nuts/walnut_shelled", "food/vegetables/mushroom", "plants/mushrooms/cep", "plants/mushrooms/cep-1",
    "plants/mushrooms/cep-2", "seasonal/christmas/Candy_cane_photo_1", "seasonal/christmas/Candy_cane_photo_2",
    "seasonal/christmas/Christmas_pudding", "seasonal/christmas/Mince_Pie", "seasonal/christmas/Roast_turkey",
    "seasonal/christmas/German_Christmas_toy", "seasonal/christmas/xmaswreath", "people/fireman200b",
    "military/paratrooper", "military/final-roll-call", "space/spacewalk", "town/monuments/inukshuk-photo",
    "town/uk_post_box", "town/usps_mailbox", "vehicles/7spoke256", "vehicles/wheel_tractor",
    "medical/bandage_adhesive", "medical/mercurythermometer", "medical/stethoscope", "medical/syringe",
    "military/ammunition/old_naval_shell", "plants/flowers/plastic/chuvanna_plastic_poo", "plants/eggplant",
]


def template_cell(path):
    image = Image.open(path).convert("RGB")
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    return np.asarray(image.crop((left, top, left + side, top + side)).resize((CELL, CELL), Image.BOX))


def main():
    used = set()
    for name in ["photo-kinds", "photo-kinds-wide"]:
        with open(os.path.join(os.path.dirname(HERE), "datasets", name, "index.json")) as f:
            used |= {s for c in json.load(f)["classes"] for s in c["stamps"]}
    stamps = [f"{s}.png" for s in UNUSED_STAMPS]
    if used & set(stamps):
        raise SystemExit(f"used by an evaluation set: {sorted(used & set(stamps))}")
    templates = sorted(f for f in os.listdir(TEMPLATES) if f.endswith(".jpg"))
    cells = [cell(os.path.join(STAMPS, s), CELL) for s in stamps] + [template_cell(os.path.join(TEMPLATES, t)) for t in templates]
    blank = np.full((CELL, CELL, 3), 255, np.uint8)
    cells += [blank] * (-len(cells) % COLUMNS)
    rows = [np.concatenate(cells[i : i + COLUMNS], axis=1) for i in range(0, len(cells), COLUMNS)]
    index = {
        "generatedBy": "python3 training/export_photo_base.py",
        "purpose": "a base mean for centring photo embeddings (true CL2N); outside every evaluation set",
        "licence": "GPL-2 or later (Debian's tuxpaint-stamps-default 2022.06.04-1 and tuxpaint-data 0.9.28: Tux Paint by Bill Kendrick and contributors)",
        "cell": CELL,
        "columns": COLUMNS,
        "count": len(stamps) + len(templates),
        "stamps": stamps,
        "templates": templates,
    }
    save_sheet(OUT, "photos.png", rows, index)
    print(f"{index['count']} photographs ({len(stamps)} stamps, {len(templates)} templates) -> {OUT}")


if __name__ == "__main__":
    main()
