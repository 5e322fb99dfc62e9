"""The held-out evaluation set as `npm run eval` sees it, for choosing a sketch
model in Python: the PNG sheets of datasets/glyphs-heldout/ (export_eval.py),
each cell preprocessed by the lab's sketch rule (preprocess.py), split into
validation (even-numbered letters) and test (odd-numbered) classes as
src/lib/eval/session-episodes.ts splits them. Episodes are classified the lab's
default way: squared Euclidean distance between L2-normalised embeddings.

    python3 training/heldout.py NEW.onnx OLD.onnx    # both on the same episodes, paired
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from preprocess import sketch_tensor

HERE = os.path.dirname(os.path.abspath(__file__))
DATASET = os.path.join(os.path.dirname(HERE), "datasets", "glyphs-heldout")


def ink_of(gray):
    """preprocess.ts inkOf for a gray cell: a light border means dark ink on paper."""
    y = gray.astype(np.float32) / 255
    border = np.concatenate([y[0], y[-1], y[1:-1, 0], y[1:-1, -1]])
    return 1 - y if border.mean() > 0.5 else y


def load_tensors(cache=os.path.join(HERE, "cache", "heldout.npy")):
    """(letters, drawings, 1, 28, 28), in the data set's class order; preprocessed once."""
    if os.path.exists(cache):
        return torch.from_numpy(np.load(cache))
    with open(os.path.join(DATASET, "index.json")) as f:
        index = json.load(f)
    cell, per_letter = index["cell"], index["perLetter"]
    letters = []
    for script in index["scripts"]:
        sheet = np.asarray(Image.open(os.path.join(DATASET, script["file"])).convert("L"))
        for row in range(len(script["letters"])):
            cells = [sheet[row * cell : (row + 1) * cell, c * cell : (c + 1) * cell] for c in range(per_letter)]
            letters.append([sketch_tensor(ink_of(c))[None] for c in cells])
    out = np.asarray(letters, dtype=np.float32)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    np.save(cache, out)
    return torch.from_numpy(out)


def split(tensors, name):
    """session-episodes.ts splitClasses: even-numbered classes validate, odd-numbered ones test."""
    return tensors[0::2] if name == "validation" else tensors[1::2]


@torch.no_grad()
def embed(model, letters, batch=512):
    model.eval()
    flat = letters.flatten(0, 1)
    out = torch.cat([model(flat[i : i + batch]) for i in range(0, len(flat), batch)])
    return F.normalize(out, dim=1).view(letters.shape[0], letters.shape[1], -1)


def mean_ci95(values):
    return float(np.mean(values)), 1.96 * float(np.std(values)) / np.sqrt(len(values))


def episode_accuracies(embeddings, way=5, shot=1, queries=15, episodes=600, seed=1):
    """Accuracy of each seeded episode on precomputed (letters, drawings, dim) embeddings;
    the same seed draws the same episodes for any model, so two can be compared pairwise."""
    rng = np.random.default_rng(seed)
    letters, drawings = embeddings.shape[:2]
    results = []
    for _ in range(episodes):
        classes = rng.choice(letters, size=way, replace=False)
        picks = np.stack([rng.choice(drawings, size=shot + queries, replace=False) for _ in classes])
        chosen = embeddings[torch.from_numpy(classes)[:, None], torch.from_numpy(picks)]
        prototypes = chosen[:, :shot].mean(1)
        distances = torch.cdist(chosen[:, shot:].reshape(-1, chosen.shape[-1]), prototypes) ** 2
        targets = torch.arange(way).repeat_interleave(queries)
        results.append((distances.argmin(1) == targets).float().mean().item())
    return np.array(results)


def report(model, tensors, name, episodes=600):
    """5-way and 20-way 1-shot on one split, as a dict and a printed line."""
    embeddings = embed(model, split(tensors, name))
    out = {f"{way}w1s": mean_ci95(episode_accuracies(embeddings, way=way, episodes=episodes)) for way in (5, 20)}
    print(f"{name} ({embeddings.shape[0]} letters): " + ", ".join(f"{k} {100 * m:.2f} ± {100 * c:.2f} %" for k, (m, c) in out.items()), flush=True)
    return out


def onnx_conv4(path):
    """A Conv-4 exported by train_sketch.py (batch norm folded into each Conv) as a torch
    module, so an old model.onnx is measured on the very same episodes as a new one."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(path).graph
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    layers = []
    for node in graph.node:
        if node.op_type == "Conv":
            w, b = weights[node.input[1]], weights[node.input[2]]
            conv = torch.nn.Conv2d(w.shape[1], w.shape[0], w.shape[2], padding=w.shape[2] // 2)
            conv.weight.data, conv.bias.data = w, b
            layers.append(conv)
        elif node.op_type in ("Relu", "MaxPool", "Flatten"):
            layers.append({"Relu": torch.nn.ReLU(), "MaxPool": torch.nn.MaxPool2d(2), "Flatten": torch.nn.Flatten()}[node.op_type])
        else:
            raise ValueError(f"{path}: unexpected {node.op_type} node; this reader knows Conv-4 graphs only")
    return torch.nn.Sequential(*layers)


def compare(new_path, old_path, tensors):
    """Both models on the same episodes of each split: accuracies and the paired difference with its 95 % interval."""
    models = {"new": onnx_conv4(new_path), "old": onnx_conv4(old_path)}
    for name in ("validation", "test"):
        embeddings = {k: embed(m, split(tensors, name)) for k, m in models.items()}
        for way in (5, 20):
            runs = {k: episode_accuracies(e, way=way) for k, e in embeddings.items()}
            line = ", ".join(f"{k} {100 * m:.2f} ± {100 * c:.2f} %" for k, (m, c) in ((k, mean_ci95(r)) for k, r in runs.items()))
            d, c = mean_ci95(runs["new"] - runs["old"])
            print(f"{name}, {way}-way 1-shot, 600 episodes: {line}; paired difference {100 * d:+.2f} ± {100 * c:.2f} points", flush=True)


if __name__ == "__main__":
    import sys

    torch.set_num_threads(1)
    compare(sys.argv[1], sys.argv[2], load_tensors())
