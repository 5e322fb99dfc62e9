import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkPositive, checkWholeNumber } from './validate.ts';

/** assembly/sharedEmbeddings.ts */
export interface SharedEmbeddingsExports extends BaseExports {
  sharedEmbeddingsTrain(
    users: number, items: number, dim: number, p0: number, q0: number,
    trainUsers: number, trainItems: number, trainRatings: number, nTrain: number,
    testUsers: number, testItems: number, testRatings: number, nTest: number,
    epochs: number, rate: number, swap: number, seed: number, curves: number, scratch: number,
  ): void;
  sharedEmbeddingsScratchBytes(users: number, items: number, dim: number): number;
}

/** (user, item, rating) triples. */
export interface Ratings {
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array;
}

export interface SharedEmbeddingsOptions {
  epochs: number;
  /** The SGD step size η. */
  rate: number;
  /** The probability p of swapping a user's (and, independently, an item's) row for a uniformly drawn one before a step. */
  swap: number;
  /** Seeds the swaps (mulberry32). */
  seed: number;
}

/** A user × item embedding model trained with stochastic shared embeddings (the last topic). */
export class SharedEmbeddingsKernels extends KernelModule<SharedEmbeddingsExports> {
  /** Trains from the tables `userTable` and `itemTable`; returns the train and test RMSE after each epoch (epochs × 2). */
  train(userTable: Matrix, itemTable: Matrix, train: Ratings, test: Ratings, { epochs, rate, swap, seed }: SharedEmbeddingsOptions): Matrix {
    checkWholeNumber('The number of epochs', epochs, 1);
    checkPositive('The step size', rate);
    if (!(swap >= 0 && swap <= 1)) throw new KernelInputError(`The swap probability must lie in [0, 1]; got ${swap}.`);
    if (userTable.cols !== itemTable.cols) throw new KernelInputError(`User rows have ${userTable.cols} values but item rows ${itemTable.cols}; both tables need the same width.`);
    const check = (name: string, set: Ratings) => {
      if (set.users.length === 0 || set.users.length !== set.items.length || set.users.length !== set.ratings.length) throw new KernelInputError(`The ${name} set needs as many users, items and ratings, at least one; got ${set.users.length}, ${set.items.length} and ${set.ratings.length}.`);
      set.users.forEach((u, j) => {
        if (!(u >= 0 && u < userTable.rows) || !(set.items[j]! >= 0 && set.items[j]! < itemTable.rows)) throw new KernelInputError(`The ${name} set's triple ${j} names user ${u} and item ${set.items[j]}, outside the tables (${userTable.rows} users, ${itemTable.rows} items).`);
      });
    };
    check('training', train);
    check('test', test);
    this.arena.reset();
    const p0 = this.upload('The user table', userTable);
    const q0 = this.upload('The item table', itemTable);
    const put = (name: string, set: Ratings) => [this.arena.putI32(set.users), this.arena.putI32(set.items), this.upload(`The ${name} ratings`, { data: set.ratings, rows: 1, cols: set.ratings.length })] as const;
    const [tu, ti, tr] = put('training', train);
    const [su, si, sr] = put('test', test);
    const curves = this.arena.alloc(epochs * 2 * 4);
    const scratch = this.arena.alloc(this.wasm.sharedEmbeddingsScratchBytes(userTable.rows, itemTable.rows, userTable.cols));
    this.wasm.sharedEmbeddingsTrain(userTable.rows, itemTable.rows, userTable.cols, p0, q0, tu, ti, tr, train.users.length, su, si, sr, test.users.length, epochs, rate, swap, seed >>> 0, curves, scratch);
    return this.matrixAt(curves, epochs, 2);
  }
}
