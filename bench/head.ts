/**
 * The metric head's cost (issue 13), beside the prototype-only cost, on the
 * issue's shape: 20 classes × 20 examples × 2,000-d unit embeddings (clustered,
 * seeded), 100 steps of each loss. Kernels as the lab's worker runs them (the
 * same WASM build; Node and Chromium share V8's WebAssembly engine).
 *
 *   npm run bench:head [-- --classes 20 --shots 20 --dim 2000 --steps 100]
 *
 * Prints medians of 5 runs after a warm-up, and writes bench/results/head.json.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { calibrate, normalizedSupports } from '../src/lib/fewshot/fit.ts';
import { fitHead } from '../src/lib/fewshot/head-fit.ts';
import { trainHead } from '../src/lib/fewshot/head.ts';
import { HEAD_LOSSES } from '../src/lib/fewshot/head-losses.ts';
import { DEFAULT_METHOD } from '../src/lib/fewshot/method.ts';
import { seededRandom } from '../src/lib/random.ts';
import { makeStamp, stampedHeader } from '../src/lib/results/stamp.ts';
import { headBenchSchema } from '../src/schemas/bench-head.ts';
import { full, writeResults } from './smoke.ts';

const { values } = parseArgs({ options: { classes: { type: 'string', default: full('20', '3') }, shots: { type: 'string', default: full('20', '3') }, dim: { type: 'string', default: full('2000', '16') }, steps: { type: 'string', default: full('100', '2') }, smoke: { type: 'boolean' } } });
const [classes, shots, dim, steps] = [values.classes, values.shots, values.dim, values.steps].map(Number) as [number, number, number, number];
const kernels = await loadKernelsInNode();
const random = seededRandom(1);
const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
const centres = Array.from({ length: classes }, () => Array.from({ length: dim }, gaussian));
const raw = { data: new Float32Array(classes * shots * dim), rows: classes * shots, cols: dim };
for (let i = 0; i < raw.rows; i++) for (let k = 0; k < dim; k++) raw.data[i * dim + k] = centres[i % classes]![k]! + 1.5 * gaussian();
const labels = Int32Array.from({ length: raw.rows }, (_, i) => i % classes);

function median(run: () => void): number {
  run();
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[2]!;
}

const supports = normalizedSupports(kernels, raw, labels, classes, DEFAULT_METHOD);
const prototypeMs = median(() => {
  const { prototypes, mass } = kernels.prototypes(supports.normalized, labels, classes);
  calibrate(kernels, supports, prototypes, mass, DEFAULT_METHOD, undefined);
});
const x = kernels.normalize(supports.normalized, 'l2');
const gramMs = median(() => kernels.head.gram(x));
const gram = kernels.head.gram(x);
const rows = HEAD_LOSSES.map((loss) => {
  const options = { loss: loss.id, steps, rate: loss.rate };
  const trainMs = median(() => trainHead(kernels, { x, labels, classes, gram }, options));
  const withRoundsMs = median(() => fitHead(kernels, supports, DEFAULT_METHOD, options, undefined));
  return { loss: loss.id, trainMs, withRoundsMs };
});

console.log(`${classes} classes × ${shots} examples × ${dim}-d, ${steps} steps (medians of 5, ms):`);
console.log(`  prototypes + leave-one-out calibration: ${prototypeMs.toFixed(1)}`);
console.log(`  Gram matrix of the supports (once per training): ${gramMs.toFixed(1)}`);
for (const r of rows) {
  console.log(`  ${r.loss.padEnd(17)} ${steps} steps ${r.trainMs.toFixed(1)} (${(r.trainMs / prototypeMs).toFixed(1)}× prototypes); with Gram and held-out rounds ${r.withRoundsMs.toFixed(1)}`);
}
const file = headBenchSchema.parse({
  ...stampedHeader('npm run bench:head', makeStamp({ engine: `the kernels' ${kernels.relaxedSimd ? 'relaxed-SIMD' : 'SIMD'} build` })),
  machine: `${cpus()[0]?.model ?? 'unknown'}, Node ${process.versions.node}, kernels ${kernels.relaxedSimd ? 'relaxed SIMD' : 'SIMD'}`,
  shape: { classes, shots, dim, steps },
  prototypeMs,
  gramMs,
  rows,
});
writeResults(new URL('results/head.json', import.meta.url), file);
