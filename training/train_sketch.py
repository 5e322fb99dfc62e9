"""Trains the sketch/glyph Prototypical Network (Conv-4, 64 channels, 64-d
embedding) episodically on the background writing systems, reports 5-way
1-shot accuracy on the held-out ones, and exports ONNX (opset 13).

    python3 training/render.py && python3 training/train_sketch.py [--minutes 10]

Fixed seeds; on this project's 2-core machine ten minutes of training is the
documented budget (see models/sketch-protonet/README.md).
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from augment import augment, to_tensors

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def conv_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))


class Conv4(nn.Module):
    """Snell et al.'s embedding network: four 3x3 conv blocks, 28 -> 1 pixels, 64-d output."""

    def __init__(self, channels=64):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(1, channels), conv_block(channels, channels), conv_block(channels, channels), conv_block(channels, channels))

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

    def episode(self, class_ids, way, per_class, rng, generator, strength=1.0):
        chosen = rng.choice(class_ids, size=way, replace=False)
        drawings = [rng.choice(self.by_class[int(c)]) for c in chosen for _ in range(per_class)]
        index = torch.tensor(drawings)
        ink = augment(self.masters[index], self.skeletons[index], generator, strength)
        return to_tensors(ink).view(way, per_class, 1, 28, 28)


def prototypical_loss(model, batch, shot):
    way, per_class = batch.shape[:2]
    embeddings = model(batch.flatten(0, 1)).view(way, per_class, -1)
    prototypes = embeddings[:, :shot].mean(1)
    queries = embeddings[:, shot:].reshape(-1, embeddings.shape[-1])
    distances = torch.cdist(queries, prototypes) ** 2
    targets = torch.arange(way).repeat_interleave(per_class - shot)
    loss = F.cross_entropy(-distances, targets)
    accuracy = (distances.argmin(1) == targets).float().mean().item()
    return loss, accuracy


@torch.no_grad()
def evaluate(model, glyphs, episodes=300, way=5, shot=1, queries=15, seed=1234):
    model.eval()
    rng = np.random.default_rng(seed)
    generator = torch.Generator().manual_seed(seed)
    accuracies = [prototypical_loss(model, glyphs.episode(glyphs.class_ids(True), way, shot + queries, rng, generator), shot)[1] for _ in range(episodes)]
    model.train()
    mean = float(np.mean(accuracies))
    return mean, 1.96 * float(np.std(accuracies)) / np.sqrt(len(accuracies))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--way", type=int, default=30)
    parser.add_argument("--shot", type=int, default=5)
    parser.add_argument("--queries", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(ROOT, "models", "sketch-protonet"))
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(os.cpu_count() or 1)
    rng = np.random.default_rng(0)
    generator = torch.Generator().manual_seed(0)
    glyphs = Glyphs(os.path.join(HERE, "cache", "glyphs.npz"))
    background = glyphs.class_ids(False)
    print(f"background letters {len(background)}, held-out letters {len(glyphs.class_ids(True))}")
    model = Conv4()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    deadline = time.time() + args.minutes * 60
    step, started = 0, time.time()
    while time.time() < deadline:
        # Halve the learning rate for each fifth of the budget, as Snell et al. halve it every 2000 episodes.
        fraction = (time.time() - started) / (args.minutes * 60)
        for group in optimizer.param_groups:
            group["lr"] = 1e-3 * 0.5 ** int(fraction * 5)
        batch = glyphs.episode(background, args.way, args.shot + args.queries, rng, generator)
        loss, accuracy = prototypical_loss(model, batch, args.shot)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        if step % 100 == 0:
            print(f"episode {step}  loss {loss.item():.3f}  train acc {accuracy:.3f}  {time.time() - started:.0f}s", flush=True)
    mean, ci = evaluate(model, glyphs)
    print(f"held-out scripts, 5-way 1-shot (Python check, 300 episodes): {100 * mean:.2f} ± {100 * ci:.2f} %")
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
        json.dump({"episodes": step, "minutes": args.minutes, "way": args.way, "shot": args.shot, "queries": args.queries, "pythonCheck": {"accuracy": mean, "ci95": ci}}, f)
    print(f"{step} episodes; wrote {args.out}/model.onnx")


if __name__ == "__main__":
    main()
