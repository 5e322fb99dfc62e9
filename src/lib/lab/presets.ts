import type { ExampleSet } from './engine/saved-file';

/**
 * The lab's ready-made example sets (built by src/pages/lab/presets.json.ts
 * from the committed evaluation sets), as pictures for the worker.
 */
interface Preset {
  model: string;
  title: string;
  credit: string;
  classes: Array<{ name: string; images: string[] }>;
  queries: string[];
}

export async function fetchExampleSet(base: string, modelId: string): Promise<{ model: string; title: string; credit: string; set: ExampleSet }> {
  const { presets } = (await (await fetch(`${base}lab/presets.json`)).json()) as { presets: Preset[] };
  const preset = presets.find((p) => p.model === modelId) ?? presets[0]!;
  const picture = async (url: string, name: string) => ({ source: await (await fetch(url)).blob(), name });
  return {
    model: preset.model,
    title: preset.title,
    credit: preset.credit,
    set: {
      classes: await Promise.all(preset.classes.map(async (c) => ({ name: c.name, images: await Promise.all(c.images.map((url, i) => picture(url, `${c.name}-${i + 1}.png`))) }))),
      queries: await Promise.all(preset.queries.map((url, i) => picture(url, `query-${i + 1}.png`))),
    },
  };
}
