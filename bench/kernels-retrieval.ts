/**
 * The retrieval rows of bench/kernels.ts (issue 25): every row of 2,000
 * embeddings of 128 values, in 100 classes of 20, is a query against the other
 * 1,999 under each metric: MAP@R, R-precision and Recall@1/2/4/8 through the
 * wrapper, copies in and out included. Beside it the plain TypeScript version,
 * which computes f64 distances and sorts the whole gallery per query; it runs on
 * the first queries only and its time is scaled up linearly.
 */
import { METRIC_NAMES, type Kernels, type Matrix } from '../src/lib/kernels/index.ts';
import type { KernelBenchRow } from '../src/schemas/bench-kernels.ts';
import { retrieval } from '../tests/unit/kernels/retrieval-reference.ts';
import { full } from './smoke.ts';
import { medianMs, randomMatrix } from './kernels-measure.ts';

const SHAPE = full({ rows: 2000, dim: 128, classes: 100 }, { rows: 70, dim: 16, classes: 7 });
const REFERENCE_QUERIES = full(40, 3);
/** What the issue asks of the kernel at the full shape. */
const BUDGET_MS = 1000;

/** Class centres at half the noise's scale: neighbours are partly of the class and partly not (MAP@R ≈ 0.2, Recall@1 ≈ 0.6 under squared Euclidean), as in a hard test split. */
function clusteredEmbeddings({ rows, dim, classes }: typeof SHAPE): { embeddings: Matrix; labels: Int32Array } {
  const centres = randomMatrix(classes, dim, 3);
  const noise = randomMatrix(rows, dim, 4);
  const labels = Int32Array.from({ length: rows }, (_, i) => i % classes);
  const data = noise.data.map((v, index) => v + 0.5 * centres.data[labels[Math.floor(index / dim)]! * dim + (index % dim)]!);
  return { embeddings: { data, rows, cols: dim }, labels };
}

export async function retrievalRows(kernels: Kernels, log: (message: string) => void): Promise<KernelBenchRow[]> {
  const { embeddings, labels } = clusteredEmbeddings(SHAPE);
  const { rows: n, dim, classes } = SHAPE;
  log(`retrieval ${n} queries × ${n} gallery × ${dim} …`);
  const out: KernelBenchRow[] = [];
  for (const metric of METRIC_NAMES) {
    const wasmMs = await medianMs(() => kernels.retrieval.evaluate(metric, embeddings, labels, classes), full(5, 1));
    const referenceMs = (await medianMs(() => retrieval(metric, embeddings, labels, REFERENCE_QUERIES), full(3, 1))) * (n / REFERENCE_QUERIES);
    const { summary } = kernels.retrieval.evaluate(metric, embeddings, labels, classes);
    log(`  ${metric}: ${wasmMs.toFixed(1)} ms (${wasmMs < BUDGET_MS ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget), MAP@R ${summary.mapAtR.toFixed(3)}, Recall@1 ${summary.recallAt[0].toFixed(3)}`);
    out.push({
      kernel: 'retrieval (MAP@R, R-precision, Recall@1/2/4/8)',
      metric,
      queries: n,
      prototypes: n,
      dim,
      wasmMs,
      referenceMs,
      speedup: referenceMs / wasmMs,
      gflops: (2 * n * n * dim) / wasmMs / 1e6,
      referenceExtrapolated: true,
    });
  }
  return out;
}
