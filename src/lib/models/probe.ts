import type { CardProbe, ModelCard } from './card.ts';

/**
 * "Trust the backend, check it": a model card carries a probe, a fixed
 * synthetic input and the embedding WASM gave for it when the card was made
 * (npm run probe:cards). A backend that gives something else for the same
 * input (WebGPU builds have returned silently wrong outputs on some models
 * and drivers) is not trusted with the visitor's pictures. Pure TypeScript:
 * the worker, the script and the tests share it.
 */

/** Cosine ≥ 0.999 and a largest difference of 1 % of the reference's largest magnitude: WASM builds agree far closer (about 1e-6). */
export const PROBE_COSINE = 0.999;
export const PROBE_MAX_ABS_SHARE = 0.01;

/**
 * Smooth stripes at a few frequencies per channel, spanning the card's pixel
 * range, then its mean and std: a picture-like input with structure at every
 * scale, so each layer's activations are exercised, and the same everywhere.
 */
export function probeInput(card: ModelCard): Float32Array {
  const { channels, height, width, range, mean, std } = card.input;
  const out = new Float32Array(channels * height * width);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const u = x / width;
        const v = y / height;
        const t = 0.5 + 0.3 * Math.sin(2 * Math.PI * (3 + c) * u + 1.7 * c) * Math.cos(2 * Math.PI * (2 + 2 * c) * v) + 0.2 * Math.sin(2 * Math.PI * 11 * (u + v));
        const pixel = Math.min(1, Math.max(0, t)) * range[1];
        out[(c * height + y) * width + x] = (pixel - (mean?.[c] ?? 0)) / (std?.[c] ?? 1);
      }
    }
  }
  return out;
}

export interface ProbeResult {
  ok: boolean;
  cosine: number;
  maxAbs: number;
  /** In words, for the status line. */
  summary: string;
}

export function decodeProbe(probe: CardProbe): Float32Array {
  const binary = atob(probe.embedding);
  return new Float32Array(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)).buffer);
}

/** The embedding a backend gave for probeInput(card), against the card's reference. */
export function checkProbe(embedding: Float32Array, probe: CardProbe): ProbeResult {
  const reference = decodeProbe(probe);
  if (embedding.length !== reference.length) {
    return { ok: false, cosine: Number.NaN, maxAbs: Number.NaN, summary: `the probe gave ${embedding.length} values; the card's reference has ${reference.length}` };
  }
  let dot = 0;
  let a = 0;
  let b = 0;
  let maxAbs = 0;
  for (let i = 0; i < reference.length; i++) {
    dot += embedding[i]! * reference[i]!;
    a += embedding[i]! ** 2;
    b += reference[i]! ** 2;
    maxAbs = Math.max(maxAbs, Math.abs(embedding[i]! - reference[i]!));
  }
  const cosine = dot / (Math.sqrt(a * b) || 1);
  // NaN fails both comparisons, so a backend that returns NaN never passes.
  const ok = cosine >= probe.cosine && maxAbs <= probe.maxAbs;
  return { ok, cosine, maxAbs, summary: `cosine ${cosine.toFixed(4)} and largest difference ${maxAbs.toPrecision(2)} from the card's reference; it allows cosine ≥ ${probe.cosine} and ≤ ${probe.maxAbs.toPrecision(2)}` };
}
