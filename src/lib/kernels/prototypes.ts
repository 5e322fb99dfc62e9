import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkLabels, checkMatrix, toInt32 } from './validate.ts';

/** assembly/prototypes.ts */
export interface PrototypeExports extends BaseExports {
  prototypes(emb: number, labels: number, weights: number, n: number, dim: number, classes: number, out: number, mass: number): void;
}

export interface PrototypeResult {
  prototypes: Matrix;
  /** Total weight (the number of examples, when unweighted) behind each prototype. */
  mass: Float32Array;
}

/** Addresses of prototypes (classes × dim) and their masses (classes) in WASM memory. */
export interface PrototypesInMemory {
  prototypes: number;
  mass: number;
}

export class PrototypeKernels extends KernelModule<PrototypeExports> {
  /** Class means of `embeddings`, optionally weighted per row. */
  prototypes(embeddings: Matrix, labels: ArrayLike<number>, classes: number, weights?: Float32Array): PrototypeResult {
    const labelArray = toInt32(labels);
    checkMatrix('Embeddings', embeddings);
    checkLabels(labelArray, embeddings.rows, classes, { allowEmptyClass: weights !== undefined });
    if (weights) checkWeights(weights, embeddings.rows, labelArray, classes);
    this.arena.reset();
    const emb = this.upload('Embeddings', embeddings);
    const labelPtr = this.arena.putI32(labelArray);
    const weightPtr = weights ? this.arena.putF32(weights) : 0;
    const protos = this.prototypesAt(emb, labelPtr, embeddings.rows, embeddings.cols, classes, weightPtr);
    return {
      prototypes: this.matrixAt(protos.prototypes, classes, embeddings.cols),
      mass: this.arena.f32(protos.mass, classes).slice(),
    };
  }

  /** Class means of the n rows at `emb`; `weightPtr` 0 means unweighted. */
  prototypesAt(emb: number, labelPtr: number, n: number, dim: number, classes: number, weightPtr = 0): PrototypesInMemory {
    const prototypes = this.arena.alloc(classes * dim * 4);
    const mass = this.arena.alloc(classes * 4);
    this.wasm.prototypes(emb, labelPtr, weightPtr, n, dim, classes, prototypes, mass);
    return { prototypes, mass };
  }
}

function checkWeights(weights: Float32Array, rows: number, labels: Int32Array, classes: number): void {
  if (weights.length !== rows) {
    throw new KernelInputError(`There are ${rows} embeddings but ${weights.length} weights; give one weight per embedding.`);
  }
  const mass = new Float64Array(classes);
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new KernelInputError(`Weight ${w} at row ${i} is not a finite number ≥ 0.`);
    }
    mass[labels[i]!]! += w;
  });
  const empty = mass.findIndex((m) => m === 0);
  if (empty !== -1) throw new KernelInputError(`Class ${empty} has no examples with weight above 0.`);
}
