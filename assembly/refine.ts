// Transductive refinement of prototypes with unlabeled queries: the soft
// k-means step of Ren et al., "Meta-Learning for Semi-Supervised Few-Shot
// Classification" (ICLR 2018):
//   p_c ← (Σ_labeled x_i [y_i = c] + Σ_unlabeled z_jc x̃_j) / (n_c + Σ_unlabeled z_jc),
//   z_j = softmax(−d(x̃_j, p) / T), repeated `iterations` times.
import { distanceMatrix } from './distances/index';
import { loadF32, rowAt, storeF32 } from './memory';
import { accumulateRow, scaleRow } from './prototypes';
import { softmaxNegatives } from './softmax';

/**
 * protos (classes × dim) holds the labeled prototypes on entry and the refined
 * ones on return; counts holds n_c. Scratch: sums (classes × dim floats),
 * assignments (nu × classes floats), distance scratch (2·(nu + classes) f64).
 */
export function refinePrototypes(
  metric: i32,
  unlabeled: usize,
  nu: i32,
  dim: i32,
  classes: i32,
  iterations: i32,
  temperature: f32,
  protos: usize,
  counts: usize,
  labeledSums: usize,
  assignments: usize,
  scratch: usize,
): void {
  for (let c = 0; c < classes; c++) {
    memory.copy(rowAt(labeledSums, c, dim), rowAt(protos, c, dim), <usize>dim << 2);
    scaleRow(rowAt(labeledSums, c, dim), loadF32(counts, c), dim);
  }
  for (let step = 0; step < iterations; step++) {
    distanceMatrix(metric, unlabeled, nu, protos, classes, dim, assignments, scratch);
    softmaxNegatives(assignments, nu, classes, temperature, assignments);
    memory.copy(protos, labeledSums, (<usize>classes * <usize>dim) << 2);
    for (let c = 0; c < classes; c++) {
      const target = rowAt(protos, c, dim);
      let mass = loadF32(counts, c);
      for (let j = 0; j < nu; j++) {
        const z = loadF32(rowAt(assignments, j, classes), c);
        accumulateRow(target, rowAt(unlabeled, j, dim), z, dim);
        mass += z;
      }
      scaleRow(target, <f32>1 / mass, dim);
    }
  }
}
