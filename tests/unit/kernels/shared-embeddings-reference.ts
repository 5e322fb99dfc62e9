import type { Matrix } from '../../../src/lib/kernels/index.ts';
import type { Ratings, SharedEmbeddingsOptions } from '../../../src/lib/kernels/shared-embeddings.ts';
import { seededRandom } from '../../../src/lib/random.ts';

/** SGD with stochastic shared embeddings in plain f64 TypeScript, from the update rule (see assembly/sharedEmbeddings.ts), with the same mulberry32 swaps. */
export function train(userTable: Matrix, itemTable: Matrix, trainSet: Ratings, testSet: Ratings, { epochs, rate, swap, seed }: SharedEmbeddingsOptions): number[][] {
  const dim = userTable.cols;
  const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * dim, (r + 1) * dim)));
  const p = rows(userTable);
  const q = rows(itemTable);
  const random = seededRandom(seed);
  const predict = (u: number, i: number) => p[u]!.reduce((s, v, k) => s + v * q[i]![k]!, 0);
  const rmse = (set: Ratings) => Math.sqrt(Array.from(set.ratings).reduce((s, r, j) => s + (predict(set.users[j]!, set.items[j]!) - r) ** 2, 0) / set.ratings.length);
  const curves: number[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    trainSet.ratings.forEach((rating, j) => {
      let u = trainSet.users[j]!;
      let i = trainSet.items[j]!;
      if (random() < swap) u = Math.floor(random() * userTable.rows);
      if (random() < swap) i = Math.floor(random() * itemTable.rows);
      const e = predict(u, i) - rating;
      for (let k = 0; k < dim; k++) {
        const [pu, qi] = [p[u]![k]!, q[i]![k]!];
        p[u]![k] = pu - rate * e * qi;
        q[i]![k] = qi - rate * e * pu;
      }
    });
    curves.push([rmse(trainSet), rmse(testSet)]);
  }
  return curves;
}
