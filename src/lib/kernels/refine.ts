import type { Arena } from './arena.ts';
import type { Matrix } from './matrix.ts';
import { METRICS, type Metric } from './metrics.ts';
import { KernelModule, type BaseExports } from './module.ts';
import type { PrototypeKernels, PrototypesInMemory } from './prototypes.ts';
import { checkLabels, checkMatrix, checkMetric, checkPositive, checkSameWidth, checkWholeNumber, toInt32 } from './validate.ts';

/** assembly/refine.ts, and the distance scratch size it runs distanceMatrix with. */
export interface RefineExports extends BaseExports {
  refinePrototypes(
    metric: number,
    unlabeled: number,
    nu: number,
    dim: number,
    classes: number,
    iterations: number,
    temperature: number,
    protos: number,
    counts: number,
    labeledSums: number,
    assignments: number,
    scratch: number,
  ): void;
  distanceScratchBytes(nq: number, np: number): number;
}

export class RefineKernels extends KernelModule<RefineExports> {
  private readonly protos: PrototypeKernels;

  constructor(wasm: RefineExports, arena: Arena, protos: PrototypeKernels) {
    super(wasm, arena);
    this.protos = protos;
  }

  /** Soft k-means refinement of labeled prototypes with unlabeled rows (Ren et al., 2018). */
  refine(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, unlabeled: Matrix, iterations: number, temperature = 1): Matrix {
    checkMetric(metric);
    checkWholeNumber('The number of refinement iterations', iterations, 0);
    checkPositive('The temperature', temperature);
    const labelArray = toInt32(labels);
    checkMatrix('Supports', supports);
    checkMatrix('Unlabeled rows', unlabeled);
    checkSameWidth('supports', supports, 'unlabeled rows', unlabeled);
    checkLabels(labelArray, supports.rows, classes);
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const free = this.upload('Unlabeled rows', unlabeled);
    const labelPtr = this.arena.putI32(labelArray);
    const protos = this.protos.prototypesAt(emb, labelPtr, supports.rows, supports.cols, classes);
    this.refineAt(metric, free, unlabeled.rows, supports.cols, classes, iterations, temperature, protos);
    return this.matrixAt(protos.prototypes, classes, supports.cols);
  }

  /**
   * Refines `protos` in place and returns the mass behind each refined
   * prototype: its labeled mass plus the soft assignments Σ_j z_jc of the last
   * step (the denominator the prototype was divided by).
   */
  refineAt(metric: Metric, free: number, nu: number, dim: number, classes: number, iterations: number, temperature: number, protos: PrototypesInMemory): Float32Array {
    const mass = this.arena.f32(protos.mass, classes).slice();
    if (iterations === 0) return mass;
    const sums = this.arena.alloc(classes * dim * 4);
    const assignments = this.arena.alloc(nu * classes * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(nu, classes));
    this.wasm.refinePrototypes(METRICS[metric].id, free, nu, dim, classes, iterations, temperature, protos.prototypes, protos.mass, sums, assignments, scratch);
    const z = this.arena.f32(assignments, nu * classes);
    for (let j = 0; j < nu; j++) for (let c = 0; c < classes; c++) mass[c]! += z[j * classes + c]!;
    return mass;
  }
}
