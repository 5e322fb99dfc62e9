import type { DatasetId } from '../models/catalog.ts';

/**
 * Where each evaluation data set's files are: read by datasets-node.ts and
 * hashed by src/lib/results/stamp.ts, so a results file names exactly the
 * files its numbers came from.
 */
export interface DatasetSource {
  /** Absolute folder, or a folder of the repository (relative to its root, ending in "/"). */
  dir: string;
  /** The files read, relative to `dir`; absent: every file under `dir`. */
  files?: readonly string[];
  /** The Debian package that installs `dir`. */
  debianPackage?: string;
}

/** Fashion-MNIST's test set as Debian's dataset-fashion-mnist installs it (scripts/ensure-package.mjs installs or names it). */
export const FASHION_MNIST: Required<DatasetSource> = {
  dir: '/usr/share/datasets/fashion-mnist/',
  files: ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'],
  debianPackage: 'dataset-fashion-mnist',
};

export function datasetSource(id: DatasetId | string): DatasetSource {
  if (id === 'fashion-mnist') return FASHION_MNIST;
  return { dir: `datasets/${id}/` };
}
