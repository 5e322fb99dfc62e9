/** Few-shot episodes and their statistics, seeded so every run is repeatable. */

/** k distinct items of `items`, by a partial Fisher–Yates shuffle. */
export function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  if (k > items.length) throw new Error(`Cannot draw ${k} distinct items from ${items.length}.`);
  const pool = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

export interface Episode {
  /** Indices of the images used as supports, grouped by episode class (way × shot). */
  supports: number[];
  supportLabels: number[];
  queries: number[];
  queryLabels: number[];
}

/**
 * One N-way K-shot episode over a data set given as the list of image indices
 * of each class. Only classes with at least shot + queries images are drawn.
 */
export function sampleEpisode(byClass: readonly (readonly number[])[], way: number, shot: number, queries: number, random: () => number): Episode {
  const eligible = byClass.map((images, c) => [c, images.length] as const).filter(([, n]) => n >= shot + queries).map(([c]) => c);
  if (eligible.length < way) {
    throw new Error(`Only ${eligible.length} classes have ${shot + queries} images; a ${way}-way episode needs ${way}.`);
  }
  const episode: Episode = { supports: [], supportLabels: [], queries: [], queryLabels: [] };
  sample(eligible, way, random).forEach((c, label) => {
    const images = sample(byClass[c]!, shot + queries, random);
    episode.supports.push(...images.slice(0, shot));
    episode.supportLabels.push(...images.slice(0, shot).map(() => label));
    episode.queries.push(...images.slice(shot));
    episode.queryLabels.push(...images.slice(shot).map(() => label));
  });
  return episode;
}

/** Mean and the half-width of its normal-approximation 95 % confidence interval. */
export function meanWithCi95(values: readonly number[]): { mean: number; ci95: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, ci95: (1.96 * Math.sqrt(variance)) / Math.sqrt(n) };
}
