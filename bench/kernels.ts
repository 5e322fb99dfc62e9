/**
 * Kernel benchmark: the AssemblyScript kernels (through their TypeScript
 * wrapper, copies in and out included) against the plain TypeScript reference,
 * TensorFlow.js's WASM backend on its best matrix-multiply path, and a
 * register-only peak probe — side by side in one run; and retrieval (MAP@R,
 * R-precision, Recall@K) over 2,000 queries, each against the other rows.
 *
 *   npm run bench:kernels                     table on stdout
 *   npm run -s bench:kernels -- --json        JSON array on stdout
 *
 * Both also write bench/results/kernels.json with the machine's description.
 * Times are medians after warm-up; compare ratios within one run, since absolute
 * times on a shared machine vary by tens of percent between runs.
 */
import { cpus, totalmem } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { METRIC_NAMES, type Metric } from '../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import * as reference from '../tests/unit/kernels/reference.ts';
import { kernelsBenchSchema } from '../src/schemas/bench-kernels.ts';
import { full, writeResults } from './smoke.ts';
import { retrievalRows } from './kernels-retrieval.ts';
import { iterationsFor, medianMs, peakGflops, randomMatrix, tfjsSquaredEuclidean } from './kernels-measure.ts';
import { makeStamp, stampedHeader } from '../src/lib/results/stamp.ts';

interface Row {
  kernel: string;
  metric: Metric | null;
  queries: number;
  prototypes: number;
  dim: number;
  wasmMs: number;
  referenceMs: number | null;
  speedup: number | null;
  gflops: number;
  /** TensorFlow.js WASM's time for the same squared-Euclidean matrix divided by ours (> 1: ours is faster). */
  vsTfjs?: number;
  /** Share of the register-only peak of the same SIMD flavour. */
  ofPeak?: number;
  /** The reference ran on a subset of the queries and its time was scaled up linearly. */
  referenceExtrapolated?: boolean;
}

const json = process.argv.includes('--json');
const SHAPES = full(
  [
    { queries: 1000, prototypes: 100, dim: 480 },
    { queries: 1, prototypes: 50, dim: 480 },
    { queries: 10000, prototypes: 1000, dim: 64 },
  ],
  [
    { queries: 20, prototypes: 5, dim: 16 },
    { queries: 1, prototypes: 5, dim: 16 },
  ],
);
/** Above this many multiply-adds, the reference runs on fewer queries (it is linear in them). */
const REFERENCE_BUDGET = 2e8;

async function main(): Promise<void> {
  const kernels = await loadKernelsInNode();
  const relaxed = await loadKernelsInNode({ relaxed: 'auto' });
  const hasRelaxed = relaxed.relaxedSimd;
  await tf.setBackend('wasm');
  await tf.ready();
  const peak = { simd: await peakGflops('peak.wasm'), relaxed: await peakGflops('peak-relaxed.wasm') };
  const rows: Row[] = [];
  const log = (message: string) => json || console.error(message);

  for (const { queries, prototypes, dim } of SHAPES) {
    const q = randomMatrix(queries, dim, 1);
    const p = randomMatrix(prototypes, dim, 2);
    const multiplyAdds = queries * prototypes * dim;
    const flops = 2 * multiplyAdds;
    const fast = iterationsFor(multiplyAdds, 2e10);
    log(`shape ${queries} × ${prototypes} × ${dim} …`);

    const referenceQueries = Math.max(1, Math.min(queries, Math.floor(REFERENCE_BUDGET / (prototypes * dim))));
    const referenceSubset = { data: q.data.subarray(0, referenceQueries * dim), rows: referenceQueries, cols: dim };
    const referenceScale = queries / referenceQueries;

    const tfjs = tfjsSquaredEuclidean(q, p);
    const tfjsMs = await medianMs(() => tfjs.run(), fast);
    tfjs.dispose();

    for (const metric of METRIC_NAMES) {
      const referenceMs = (await medianMs(() => reference.distances(metric, referenceSubset, p), iterationsFor(referenceQueries * prototypes * dim, 2e7))) * referenceScale;
      const variants: Array<[string, typeof kernels, number]> = [['distances', kernels, peak.simd]];
      if (hasRelaxed && (metric === 'euclidean' || metric === 'cosine')) variants.push(['distances (relaxed SIMD)', relaxed, peak.relaxed]);
      for (const [kernel, implementation, ceiling] of variants) {
        const wasmMs = await medianMs(() => implementation.distances(metric, q, p), metric === 'poincare' || metric === 'snr' ? Math.max(3, Math.ceil(fast / 8)) : fast);
        const gflops = flops / wasmMs / 1e6;
        rows.push({
          kernel,
          metric,
          queries,
          prototypes,
          dim,
          wasmMs,
          referenceMs,
          speedup: referenceMs / wasmMs,
          gflops,
          ...(metric === 'euclidean' ? { vsTfjs: tfjsMs / wasmMs } : {}),
          ...(metric === 'euclidean' || metric === 'cosine' ? { ofPeak: gflops / ceiling } : {}),
          ...(referenceScale > 1 ? { referenceExtrapolated: true } : {}),
        });
      }
    }
    rows.push({
      kernel: 'tfjs-wasm squared Euclidean (P pre-transposed)',
      metric: 'euclidean',
      queries,
      prototypes,
      dim,
      wasmMs: tfjsMs,
      referenceMs: null,
      speedup: null,
      gflops: flops / tfjsMs / 1e6,
      // Against the plain-SIMD probe, so figures compare across machines as shares of what the core can do.
      ofPeak: flops / tfjsMs / 1e6 / peak.simd,
    });

    if (queries === 1) {
      // One live prediction: distances, probabilities, nearest class and the open-set flag.
      for (const metric of METRIC_NAMES) {
        const referencePredict = () => reference.nearest(reference.distances(metric, q, p)) && reference.probabilities(reference.distances(metric, q, p));
        const referenceMs = await medianMs(referencePredict, full(200, 1));
        const wasmMs = await medianMs(() => kernels.predict({ queries: q, prototypes: p, metric, threshold: 1 }), full(2000, 1));
        rows.push({ kernel: 'predict (distances + probabilities)', metric, queries, prototypes, dim, wasmMs, referenceMs, speedup: referenceMs / wasmMs, gflops: flops / wasmMs / 1e6 });
      }
    }
  }
  rows.push(...(await retrievalRows(kernels, log)));
  rows.push({ kernel: 'peak probe (register-only, plain SIMD)', metric: null, queries: 0, prototypes: 0, dim: 0, wasmMs: 0, referenceMs: null, speedup: null, gflops: peak.simd });
  if (hasRelaxed) {
    rows.push({ kernel: 'peak probe (register-only, relaxed SIMD)', metric: null, queries: 0, prototypes: 0, dim: 0, wasmMs: 0, referenceMs: null, speedup: null, gflops: peak.relaxed });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    runtime: `Node ${process.versions.node} (V8 ${process.versions.v8})`,
    tfjsBackend: `@tensorflow/tfjs-backend-wasm ${tf.version_core}, SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`,
  };
  writeResults(
    new URL('./results/kernels.json', import.meta.url),
    kernelsBenchSchema.parse({ ...stampedHeader('npm run bench:kernels', makeStamp({ engine: `the kernels' SIMD${hasRelaxed ? ' and relaxed-SIMD' : ''} builds; ${machine.tfjsBackend}` })), machine, rows }),
  );

  if (json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.runtime}; ${machine.tfjsBackend}`);
  console.table(
    rows.map((r) => ({
      kernel: r.kernel,
      metric: r.metric ?? '',
      shape: r.queries ? `${r.queries}×${r.prototypes}×${r.dim}` : '',
      'wasm ms': r.wasmMs ? r.wasmMs.toFixed(r.wasmMs < 0.1 ? 4 : 2) : '',
      'reference ms': r.referenceMs === null ? '' : r.referenceMs.toFixed(2) + (r.referenceExtrapolated ? '*' : ''),
      speedup: r.speedup === null ? '' : `${r.speedup.toFixed(1)}×`,
      'GFLOP/s': r.gflops.toFixed(1),
      'of peak': r.ofPeak === undefined ? '' : `${(100 * r.ofPeak).toFixed(0)}%`,
      'vs tfjs': r.vsTfjs === undefined ? '' : `${r.vsTfjs.toFixed(2)}×`,
    })),
  );
  console.log('* reference timed on a subset of the queries and scaled linearly. GFLOP/s counts 2·Q·P·D for every metric.');
}

await main();
