// Matrix factorisation trained by SGD with stochastic shared embeddings
// ("Stochastic Shared Embeddings", NeurIPS 2019), in the spirit of its SSE-SE
// variant, which uses no prior knowledge of which rows are alike: before each
// step on (user u, item i, rating r), u is replaced by a user drawn uniformly
// with probability p, and i by a uniform item likewise; the step then
// updates the drawn rows:
//   e = ⟨P_u, Q_i⟩ − r,  P_u ← P_u − η e Q_i,  Q_i ← Q_i − η e P_u.
// The random numbers are mulberry32, as src/lib/random.ts, so that a seed
// gives the same swaps here and in the f64 reference.
import { loadF32, loadF64, loadI32, storeF32, storeF64 } from './memory';

let state: u32 = 0;

@inline function random(): f64 {
  state += 0x6d2b79f5;
  let t = state;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return <f64>(t ^ (t >>> 14)) / 4294967296.0;
}

/** Bytes of scratch sharedEmbeddingsTrain needs: both tables in f64. */
export function sharedEmbeddingsScratchBytes(users: i32, items: i32, dim: i32): usize {
  return ((<usize>users + <usize>items) * <usize>dim) << 3;
}

@inline function predict(p: usize, q: usize, u: i32, i: i32, dim: i32): f64 {
  let s: f64 = 0;
  for (let k = 0; k < dim; k++) s += loadF64(p, u * dim + k) * loadF64(q, i * dim + k);
  return s;
}

/** Root mean squared error over n (user, item, rating) triples. */
function rmse(p: usize, q: usize, dim: i32, us: usize, is: usize, rs: usize, n: i32): f64 {
  let total: f64 = 0;
  for (let j = 0; j < n; j++) {
    const e = predict(p, q, loadI32(us, j), loadI32(is, j), dim) - <f64>loadF32(rs, j);
    total += e * e;
  }
  return Math.sqrt(total / n);
}

/**
 * Trains from the initial tables p0 (users × dim) and q0 (items × dim) for
 * `epochs` passes over the training triples in order; curves (epochs × 2)
 * gets the train and test RMSE after each pass (on the true indices).
 */
export function sharedEmbeddingsTrain(
  users: i32,
  items: i32,
  dim: i32,
  p0: usize,
  q0: usize,
  trainUsers: usize,
  trainItems: usize,
  trainRatings: usize,
  nTrain: i32,
  testUsers: usize,
  testItems: usize,
  testRatings: usize,
  nTest: i32,
  epochs: i32,
  rate: f64,
  swap: f64,
  seed: u32,
  curves: usize,
  scratch: usize,
): void {
  const p = scratch;
  const q = p + ((<usize>users * <usize>dim) << 3);
  for (let j = 0; j < users * dim; j++) storeF64(p, j, <f64>loadF32(p0, j));
  for (let j = 0; j < items * dim; j++) storeF64(q, j, <f64>loadF32(q0, j));
  state = seed;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let j = 0; j < nTrain; j++) {
      let u = loadI32(trainUsers, j);
      let i = loadI32(trainItems, j);
      if (random() < swap) u = <i32>Math.floor(random() * users);
      if (random() < swap) i = <i32>Math.floor(random() * items);
      const e = predict(p, q, u, i, dim) - <f64>loadF32(trainRatings, j);
      for (let k = 0; k < dim; k++) {
        const pu = loadF64(p, u * dim + k);
        const qi = loadF64(q, i * dim + k);
        storeF64(p, u * dim + k, pu - rate * e * qi);
        storeF64(q, i * dim + k, qi - rate * e * pu);
      }
    }
    storeF32(curves, 2 * epoch, <f32>rmse(p, q, dim, trainUsers, trainItems, trainRatings, nTrain));
    storeF32(curves, 2 * epoch + 1, <f32>rmse(p, q, dim, testUsers, testItems, testRatings, nTest));
  }
}
