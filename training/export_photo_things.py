"""The lab's photo example set: three kinds of everyday things (fruit,
vehicles, kitchenware), five photographs each and one query per kind, from
Tux Paint's photo stamps (Debian's tuxpaint-stamps-default, GPL-2), the same
source as datasets/photo-kinds. It is an example set, not an evaluation set:
src/pages/lab/presets.json.ts cuts it into the lab's "Try an example set".

    apt-get install tuxpaint-stamps-default   # or apt-get download it and dpkg-deb -x
    python3 training/export_photo_things.py [--stamps /usr/share/tuxpaint/stamps]

No stamp comes from a test kind of photo-kinds (fish and sea creatures,
cattle/goats/sheep, other land mammals, vegetables, tools, sports balls and
gear). Only the kettle is also one of photo-kinds' photographs (its
"household objects", a validation kind); the fruit are ones photo-kinds does
not use. Each kind's query is a photograph none of its examples shows
(a lemon, a pick-up truck, a mug), and the photo model classifies each as its
kind (tests/unit/lab/photo-things.test.ts). Each stamp is composited over
white and padded to a square as in photo-kinds, at CELL px.
"""
import argparse
import os
import subprocess

import numpy as np

from export_photo_kinds import cell
from sheets import save_sheet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "datasets", "photo-things")
CELL = 128
PACKAGE = "tuxpaint-stamps-default"
# kind -> five example stamps, then the query
KINDS = {
    "fruit": {
        "examples": ["food/fruit/apple_red.png", "food/fruit/banana.png", "food/fruit/orange.png", "food/fruit/pineapple.png", "food/fruit/Strawberry2.png"],
        "query": "food/fruit/lemon.png",
    },
    "vehicles": {
        "examples": ["vehicles/auto/beetle.png", "vehicles/garbagetruck.png", "vehicles/masstransit/green_korean_bus.png", "vehicles/emergency/firetruck.png", "vehicles/race/indycar.png"],
        "query": "vehicles/auto/truck.png",
    },
    "kitchenware": {
        "examples": ["household/dishes/glass.png", "household/dishes/pitcher_small.png", "household/dishes/teapot.png", "household/kettle.png", "household/dishes/utensils/pepper_grinder.png"],
        "query": "household/dishes/mug.png",
    },
}


def package_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "2022.06.04-1"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stamps", default="/usr/share/tuxpaint/stamps")
    args = parser.parse_args()
    index = {
        "generatedBy": "python3 training/export_photo_things.py",
        "purpose": "the lab's photo example set (not an evaluation set): each row is a kind's five examples, then its query",
        "source": "Tux Paint stamps (by Bill Kendrick and the Tux Paint contributors), from Debian",
        "package": PACKAGE,
        "version": package_version(),
        "licence": f"GPL-2 or later (as Debian's copyright file for {PACKAGE} states for all its files)",
        "cell": CELL,
        "perClass": 5,
        "classes": [],
    }
    rows = []
    for kind, chosen in KINDS.items():
        stamps = chosen["examples"] + [chosen["query"]]
        rows.append(np.concatenate([cell(os.path.join(args.stamps, s), CELL) for s in stamps], axis=1))
        index["classes"].append({"kind": kind, "stamps": chosen["examples"], "query": chosen["query"]})
    save_sheet(OUT, "photos.png", rows, index)
    print(f"{len(KINDS)} kinds x (5 examples + 1 query) -> {OUT}")


if __name__ == "__main__":
    main()
