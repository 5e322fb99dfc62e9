/**
 * How bench/kernels.ts measures: medians after warm-up (tinybench), repetitions
 * sized to about 0.3 s per measurement, deterministic inputs, the
 * register-only peak probe, and TensorFlow.js's WASM backend on its fastest
 * matrix-multiply path for the same squared-Euclidean matrix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../src/lib/kernels/index.ts';
import { full } from './smoke.ts';

/** Median latency in ms over `iterations` runs after warm-up. */
export async function medianMs(fn: () => unknown, iterations: number): Promise<number> {
  const bench = new Bench({ iterations, time: 0, warmupIterations: Math.max(2, Math.ceil(iterations / 5)), warmupTime: 0 });
  bench.add('task', fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`benchmark task ended in state ${result.state}`);
  return result.latency.p50;
}

/** Enough repetitions for a stable median without spending minutes: ~0.3 s per measurement. */
export function iterationsFor(multiplyAdds: number, perSecond: number): number {
  return full(Math.min(2000, Math.max(3, Math.round((0.3 * perSecond) / multiplyAdds))), 1);
}

/** Deterministic pseudo-random matrix in [−1, 1). */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  let state = seed >>> 0;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state / 2 ** 31 - 1;
  }
  return { data, rows, cols };
}

export async function peakGflops(file: string): Promise<number> {
  const bytes = readFileSync(fileURLToPath(new URL(`../build/${file}`, import.meta.url)));
  if (!WebAssembly.validate(bytes)) return Number.NaN;
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const peak = instance.exports.peak as (iterations: number, seed: number) => number;
  const flopsPerRound = (instance.exports.FLOPS_PER_ROUND as WebAssembly.Global).value as number;
  const rounds = full(2e7, 1e4);
  const ms = await medianMs(() => peak(rounds, 1e-7), full(7, 1));
  return (flopsPerRound * rounds) / ms / 1e6;
}

export function tfjsSquaredEuclidean(q: Matrix, p: Matrix) {
  const queries = tf.tensor2d(q.data, [q.rows, q.cols]);
  // TensorFlow.js's fast path: the right-hand matrix already transposed (transposeB falls off XNNPACK).
  const transposed = tf.tidy(() => tf.transpose(tf.tensor2d(p.data, [p.rows, p.cols])));
  return {
    run() {
      const d = tf.tidy(() => {
        const qNorms = tf.sum(tf.square(queries), 1, true);
        const pNorms = tf.sum(tf.square(transposed), 0, true);
        return tf.relu(tf.sub(tf.add(qNorms, pNorms), tf.mul(2, tf.matMul(queries, transposed))));
      });
      d.dataSync();
      d.dispose();
    },
    dispose() {
      queries.dispose();
      transposed.dispose();
    },
  };
}
