import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { retrievalRowSchema } from '../../schemas/evaluations.ts';
import type { Metric, Normalization } from '../kernels/index.ts';
import type { RetrievalCache, RetrievalMeasure } from './retrieval-rows.ts';

/**
 * Retrieval rows kept on disk (training/cache/retrieval/, ignored by git) as
 * they are measured, like the embeddings (embedding-cache.ts): one row of the
 * photo model on glyphs-heldout's 13,088 test images takes up to 5½ minutes
 * here and its twelve about half an hour, so a run stopped part-way
 * (`timeout`) resumes from the rows it finished. The key must name everything
 * the numbers depend on; eval:all uses one only on a clean tree (the commit,
 * the model's and the data set's SHA-256, the split).
 */
const DIR = new URL('../../../training/cache/retrieval/', import.meta.url);

/** The cache for one key, or none without a key. A file that does not read back as a row is measured again. */
export function retrievalCache(key: string | undefined, dir: URL = DIR): RetrievalCache | undefined {
  if (!key) return undefined;
  const file = (metric: Metric, normalize: Normalization) => new URL(`${key}-${metric}-${normalize}.json`, dir);
  return {
    get(metric, normalize) {
      const at = file(metric, normalize);
      if (!existsSync(at)) return undefined;
      try {
        const row = JSON.parse(readFileSync(at, 'utf8')) as RetrievalMeasure;
        // Checked as the results file checks it (model, data set and stamp are the run's, not the cache's).
        const valid = retrievalRowSchema.safeParse({ ...row, model: 'cached', dataset: 'photo-kinds', classes: 'test', stamp: 0 }).success;
        return valid && row.metric === metric && row.normalize === normalize ? row : undefined;
      } catch {
        return undefined;
      }
    },
    put(row) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(row.metric, row.normalize), JSON.stringify(row));
    },
  };
}
