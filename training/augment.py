"""Pen-like variations of rendered glyphs, in batches with torch: redraw the
skeleton with an even pen or thicken/thin the filled glyph, then jitter it with
a random affine map. Output: 64 x 64 ink maps in 0..1, white on black."""
import math

import numpy as np
import torch
import torch.nn.functional as F

from preprocess import sketch_tensor


def disk(radius):
    r = int(math.ceil(radius))
    y, x = np.mgrid[-r : r + 1, -r : r + 1]
    return torch.tensor((x * x + y * y <= radius * radius + 0.25).astype(np.float32))[None, None]


PENS = [disk(r) for r in (0.8, 1.3, 1.8, 2.5, 3.2)]


def pen_strokes(masters, skeletons, generator):
    """masters, skeletons: (N, 64, 64) tensors. Half the samples are the skeleton
    redrawn with a random round pen, half the filled glyph grown or shrunk."""
    n = masters.shape[0]
    ink = masters.float()[:, None] / 255.0
    use_skeleton = torch.rand(n, generator=generator) < 0.5
    out = torch.empty_like(ink)
    pen_choice = torch.randint(0, len(PENS), (n,), generator=generator)
    for index, pen in enumerate(PENS):
        chosen = (pen_choice == index) & use_skeleton
        if chosen.any():
            drawn = F.conv2d(skeletons[chosen].float()[:, None], pen, padding=pen.shape[-1] // 2)
            out[chosen] = drawn.clamp(0, 1)
    filled = ~use_skeleton
    if filled.any():
        grow = torch.randint(-1, 2, (n,), generator=generator)
        base = ink[filled]
        grown = F.max_pool2d(base, 3, 1, 1)
        shrunk = -F.max_pool2d(-base, 3, 1, 1)
        g = grow[filled].view(-1, 1, 1, 1)
        out[filled] = torch.where(g > 0, grown, torch.where(g < 0, shrunk, base))
    return out


def affine_jitter(ink, generator, strength=1.0):
    """Random rotation (±15°), scale (0.8–1.15, ±10 % per axis) and shear (±0.2)."""
    n = ink.shape[0]
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, generator=generator)
    angle = u(-15, 15) * strength * math.pi / 180
    scale = u(0.8, 1.15) ** strength
    sx = scale * u(0.9, 1.1) ** strength
    sy = scale * u(0.9, 1.1) ** strength
    shear = u(-0.2, 0.2) * strength
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = cos / sx
    theta[:, 0, 1] = (-sin + shear) / sx
    theta[:, 1, 0] = sin / sy
    theta[:, 1, 1] = cos / sy
    grid = F.affine_grid(theta, ink.shape, align_corners=False)
    return F.grid_sample(ink, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def augment(masters, skeletons, generator, strength=1.0):
    return affine_jitter(pen_strokes(masters, skeletons, generator), generator, strength)[:, 0]


def to_tensors(ink_maps, size=28, margin=2):
    """The shared sketch preprocessing (see preprocess.py) over a batch; empty maps stay black."""
    out = np.zeros((len(ink_maps), 1, size, size), dtype=np.float32)
    for i, ink in enumerate(ink_maps.numpy()):
        ink = np.round(ink * 255) / 255  # what the browser's 8-bit canvas would hold
        if (ink > 0.2).any():
            out[i, 0] = sketch_tensor(ink, size, margin)
    return torch.from_numpy(out)
