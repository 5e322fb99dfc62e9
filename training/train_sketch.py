"""Trains the sketch/glyph Prototypical Network (Conv-4, its widths a flag)
episodically on the background writing systems, chooses nothing on the test
letters (heldout.py reports validation and test separately), and exports ONNX
(opset 13).

    python3 training/render.py && python3 training/train_sketch.py [--episodes 2800]

Training matches how the lab classifies: embeddings are L2-normalised and
compared by squared Euclidean distance, with a learned scale (Oreshkin et al.'s
metric scaling) that exists only in the loss. One CPU thread, fixed seeds.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import heldout
from augment import augment, to_tensors

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def conv_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))


class Conv4(nn.Module):
    """Snell et al.'s embedding network: four 3x3 conv blocks, 28 -> 1 pixels; the last width is the embedding size."""

    def __init__(self, widths=(64, 64, 64, 64)):
        super().__init__()
        ins = (1, *widths[:-1])
        self.blocks = nn.Sequential(*(conv_block(a, b) for a, b in zip(ins, widths)))

    def forward(self, x):
        return self.blocks(x).flatten(1)


class Glyphs:
    def __init__(self, path):
        data = np.load(path)
        self.masters = torch.from_numpy(data["masters"])
        self.skeletons = torch.from_numpy(data["skeletons"])
        self.labels = data["labels"]
        with open(os.path.join(os.path.dirname(path), "classes.json")) as f:
            self.classes = json.load(f)
        self.by_class = {}
        for index, label in enumerate(self.labels):
            self.by_class.setdefault(int(label), []).append(index)

    def class_ids(self, evaluation):
        return [i for i, c in enumerate(self.classes) if c["evaluation"] == evaluation]

    def episode(self, class_ids, way, per_class, rng, generator, strength=1.0, drawn=False):
        chosen = rng.choice(class_ids, size=way, replace=False)
        drawings = [rng.choice(self.by_class[int(c)]) for c in chosen for _ in range(per_class)]
        index = torch.tensor(drawings)
        ink = augment(self.masters[index], self.skeletons[index], generator, strength, drawn)
        return to_tensors(ink).view(way, per_class, 1, 28, 28)


def prototypical_loss(model, batch, shot, scale):
    way, per_class = batch.shape[:2]
    embeddings = F.normalize(model(batch.flatten(0, 1)), dim=1).view(way, per_class, -1)
    prototypes = embeddings[:, :shot].mean(1)
    queries = embeddings[:, shot:].reshape(-1, embeddings.shape[-1])
    distances = torch.cdist(queries, prototypes) ** 2
    targets = torch.arange(way).repeat_interleave(per_class - shot)
    loss = F.cross_entropy(-scale * distances, targets)
    accuracy = (distances.argmin(1) == targets).float().mean().item()
    return loss, accuracy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=2800)
    parser.add_argument("--widths", default="64,96,128,128", help="channels of the four blocks")
    parser.add_argument("--way", type=int, default=40)
    parser.add_argument("--shot", type=int, default=1)
    parser.add_argument("--queries", type=int, default=5)
    parser.add_argument("--drawn", type=float, default=0.5, help="share of episodes with drawing-like strokes (augment.py)")
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--out", default=os.path.join(ROOT, "models", "sketch-protonet"))
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)  # the project's machine is shared; one thread keeps the others usable
    rng = np.random.default_rng(0)
    generator = torch.Generator().manual_seed(0)
    glyphs = Glyphs(os.path.join(HERE, "cache", "glyphs.npz"))
    background = glyphs.class_ids(False)
    print(f"background letters {len(background)}, held-out letters {len(glyphs.class_ids(True))}")
    model = Conv4(tuple(int(w) for w in args.widths.split(",")))
    scale = nn.Parameter(torch.tensor(10.0))
    # The scale is one number that must travel from 10 to a few tens: it learns twenty times faster.
    optimizer = torch.optim.Adam([{"params": model.parameters(), "base": args.lr}, {"params": [scale], "base": 20 * args.lr}])
    started = time.time()
    for step in range(1, args.episodes + 1):
        # Cosine decay over the run, after a short warm-up.
        decay = min(1.0, step / 100) * 0.5 * (1 + math.cos(math.pi * step / args.episodes))
        for group in optimizer.param_groups:
            group["lr"] = group["base"] * decay
        drawn = rng.random() < args.drawn
        batch = glyphs.episode(background, args.way, args.shot + args.queries, rng, generator, drawn=drawn)
        loss, accuracy = prototypical_loss(model, batch, args.shot, scale)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 50 == 0:
            print(f"episode {step}  loss {loss.item():.3f}  train acc {accuracy:.3f}  scale {scale.item():.1f}  {time.time() - started:.0f}s", flush=True)
    minutes = (time.time() - started) / 60
    tensors = heldout.load_tensors()
    checks = {name: heldout.report(model, tensors, name) for name in ("validation", "test")}
    os.makedirs(args.out, exist_ok=True)
    model.eval()
    torch.onnx.export(
        model,
        torch.zeros(1, 1, 28, 28),
        os.path.join(args.out, "model.onnx"),
        input_names=["input"],
        output_names=["embedding"],
        dynamic_axes={"input": {0: "batch"}, "embedding": {0: "batch"}},
        opset_version=13,
    )
    with open(os.path.join(HERE, "cache", "train-log.json"), "w") as f:
        json.dump({**vars(args), "minutes": minutes, "scale": scale.item(), "pythonCheck": checks}, f, indent=1)
    print(f"{args.episodes} episodes in {minutes:.1f} min; wrote {args.out}/model.onnx")


if __name__ == "__main__":
    main()
