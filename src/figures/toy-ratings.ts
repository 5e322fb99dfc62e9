/**
 * The toy recommendation task of the stochastic-shared-embeddings figure
 * (definitions/shared-embeddings.ts): ratings from hidden two-dimensional
 * user and item factors plus noise, a few of them for training and others
 * held out, and seeded starting tables for the model.
 */
import type { Matrix } from '../lib/kernels/index.ts';
import type { Ratings } from '../lib/kernels/shared-embeddings.ts';
import { seededRandom } from '../lib/random.ts';

export const USERS = 30;
export const ITEMS = 30;

export interface ToyTask {
  train: Ratings;
  test: Ratings;
}

/** `share` of the user × item cells for training and as many others held out, from hidden factors of size 2 and noise of ±`noise`. */
export function toyTask(seed: number, share = 0.2, noise = 0.3): ToyTask {
  const random = seededRandom(seed);
  const factor = () => [random() * 2 - 1, random() * 2 - 1];
  const a = Array.from({ length: USERS }, factor);
  const b = Array.from({ length: ITEMS }, factor);
  const cells = Array.from({ length: USERS * ITEMS }, (_, c) => c);
  for (let c = cells.length - 1; c > 0; c--) {
    const j = Math.floor(random() * (c + 1));
    [cells[c], cells[j]] = [cells[j]!, cells[c]!];
  }
  const count = Math.round(share * cells.length);
  const set = (chosen: number[]): Ratings => ({
    users: Int32Array.from(chosen, (c) => Math.floor(c / ITEMS)),
    items: Int32Array.from(chosen, (c) => c % ITEMS),
    ratings: Float32Array.from(chosen, (c) => {
      const [u, i] = [a[Math.floor(c / ITEMS)]!, b[c % ITEMS]!];
      return 2 * (u[0]! * i[0]! + u[1]! * i[1]!) + noise * (random() * 2 - 1);
    }),
  });
  return { train: set(cells.slice(0, count)), test: set(cells.slice(count, 2 * count)) };
}

/** Starting rows of ±`scale`, seeded: the same for every p, so that only the swaps differ. */
export function startingTable(rows: number, dim: number, seed: number, scale = 0.3): Matrix {
  const random = seededRandom(seed);
  return { data: Float32Array.from({ length: rows * dim }, () => (random() * 2 - 1) * scale), rows, cols: dim };
}
