"""A numpy port of src/lib/models/preprocess.ts (sketch path), so that training
sees exactly what the browser and the evaluation harness feed the network.
tests/unit/models/preprocess-parity.test.ts checks the two agree on fixtures
written by `python3 training/preprocess.py --fixtures`."""
import math
import sys

import numpy as np

INK_THRESHOLD = 0.2


def resample_1d(src, m):
    """Area-weighted resampling of the last axis from n to m samples (box filter)."""
    n = src.shape[-1]
    scale = n / m
    weights = np.zeros((n, m), dtype=np.float64)
    for j in range(m):
        start, end = j * scale, (j + 1) * scale
        for i in range(math.floor(start), min(math.ceil(end), n)):
            weights[i, j] = (min(end, i + 1) - max(start, i)) / scale
    return src @ weights


def resample_area(img, th, tw):
    rows = resample_1d(img.astype(np.float64), tw)  # (sh, tw)
    return resample_1d(rows.T, th).T  # (th, tw)


def sketch_tensor(ink, size=28, margin=2):
    """ink: 2-D float array in 0..1, white ink on black. Returns size x size float32 in 0..1."""
    ys, xs = np.nonzero(ink > INK_THRESHOLD)
    if len(xs) == 0:
        raise ValueError("empty drawing")
    top, bottom, left, right = ys.min(), ys.max(), xs.min(), xs.max()
    crop = ink[top : bottom + 1, left : right + 1]
    ch, cw = crop.shape
    box = size - 2 * margin
    scale = box / max(cw, ch)
    tw = max(1, round_half_away(cw * scale))
    th = max(1, round_half_away(ch * scale))
    resized = resample_area(crop, th, tw)
    out = np.zeros((size, size), dtype=np.float64)
    x0 = (size - tw) // 2
    y0 = (size - th) // 2
    out[y0 : y0 + th, x0 : x0 + tw] = np.minimum(1.0, resized)
    return out.astype(np.float32)


def round_half_away(x):
    """JavaScript's Math.round for the positive values used here."""
    return int(math.floor(x + 0.5))


def write_fixtures(path):
    """Deterministic ink images and their tensors, for the TypeScript parity test."""
    rng = np.random.default_rng(7)
    cases = []
    for h, w in [(40, 40), (17, 63), (90, 31), (28, 28), (5, 3)]:
        img = np.zeros((h, w))
        for _ in range(3):
            y, x = rng.integers(0, h), rng.integers(0, w)
            img[max(0, y - 2) : y + 2, max(0, x - 5) : x + 5] = rng.uniform(0.5, 1.0)
        img = np.round(img * 255) / 255  # what an 8-bit image can hold
        cases.append({"height": h, "width": w, "ink": img.ravel().tolist(), "tensor": sketch_tensor(img).ravel().tolist()})
    import json

    with open(path, "w") as f:
        json.dump({"generatedBy": "python3 training/preprocess.py --fixtures", "cases": cases}, f)


if __name__ == "__main__" and "--fixtures" in sys.argv:
    write_fixtures(sys.argv[-1])
