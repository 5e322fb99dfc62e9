"""Pen-like variations of rendered glyphs, in batches with torch: redraw the
skeleton with an even pen or thicken/thin the filled glyph, then jitter it with
a random affine map. Output: 64 x 64 ink maps in 0..1, white on black.

Training can also ask for drawing-like strokes (`drawn=True`), as a mouse or a
finger makes them: pressure that changes along the stroke, small gaps, and a
wobbly hand. The evaluation set (export_eval.py) keeps the plain pen, so its
drawings and their random stream stay what they were."""
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


def smooth_noise(n, cells, generator, size=64):
    """Low-frequency noise, about -1..1: a random cells x cells grid, upsampled smoothly."""
    coarse = torch.rand(n, 1, cells, cells, generator=generator) * 2 - 1
    return F.interpolate(coarse, size=(size, size), mode="bicubic", align_corners=False)


def draw(skeleton, pen):
    return F.conv2d(skeleton, pen, padding=pen.shape[-1] // 2).clamp(0, 1)


def pressure_strokes(skeleton, index, generator):
    """The skeleton drawn with a pen that presses harder in some places than
    others (a blend of this pen and one two sizes wider), with a few short gaps
    where a mouse or finger lifted for a moment."""
    n = skeleton.shape[0]
    broken = (torch.rand(n, 1, 1, 1, generator=generator) < 0.4).float()
    gaps = (smooth_noise(n, 16, generator) < -0.8).float() * broken
    skeleton = skeleton * (1 - gaps)
    thin, thick = draw(skeleton, PENS[index]), draw(skeleton, PENS[min(index + 2, len(PENS) - 1)])
    pressure = (smooth_noise(n, 4, generator) + 1).clamp(0, 2) / 2
    return thin + (thick - thin) * pressure


def pen_strokes(masters, skeletons, generator, drawn=False):
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
            skeleton = skeletons[chosen].float()[:, None]
            out[chosen] = pressure_strokes(skeleton, index, generator) if drawn else draw(skeleton, pen)
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


def wobble(ink, generator, pixels=1.5):
    """A smooth random displacement of up to about `pixels` (of 64): an unsteady hand."""
    n, _, h, w = ink.shape
    identity = F.affine_grid(torch.eye(2, 3).expand(n, 2, 3), ink.shape, align_corners=False)
    shift = torch.cat([smooth_noise(n, 5, generator, h), smooth_noise(n, 5, generator, h)], 1).permute(0, 2, 3, 1)
    return F.grid_sample(ink, identity + shift * (2 * pixels / w), mode="bilinear", padding_mode="zeros", align_corners=False)


def augment(masters, skeletons, generator, strength=1.0, drawn=False):
    ink = pen_strokes(masters, skeletons, generator, drawn)
    if drawn:
        ink = wobble(ink, generator)
    return affine_jitter(ink, generator, strength)[:, 0]


def to_tensors(ink_maps, size=28, margin=2):
    """The shared sketch preprocessing (see preprocess.py) over a batch; empty maps stay black."""
    out = np.zeros((len(ink_maps), 1, size, size), dtype=np.float32)
    for i, ink in enumerate(ink_maps.numpy()):
        ink = np.round(ink * 255) / 255  # what the browser's 8-bit canvas would hold
        if (ink > 0.2).any():
            out[i, 0] = sketch_tensor(ink, size, margin)
    return torch.from_numpy(out)
