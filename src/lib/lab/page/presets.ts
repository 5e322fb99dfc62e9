import type { ExampleSet } from '../messages';

/**
 * The lab's ready-made example sets (built by src/pages/lab/presets.json.ts
 * from the committed evaluation sets), as pictures for the worker, and the
 * Latin-script names their letter classes get.
 */

/** "BASSA VAH" → "Bassa Vah". */
export const titleCase = (words: string) => words.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (start) => start.toUpperCase());

/**
 * A letter's class name in Latin script, from its Unicode name ("BASSA VAH
 * LETTER ENNI" → "Letter Enni"): readable where the browser has no font for
 * the script itself. The letter is seen in its examples' pictures.
 */
export function letterClassName(unicodeName: string, script: string): string {
  return titleCase(unicodeName.startsWith(`${script} `) ? unicodeName.slice(script.length + 1) : unicodeName);
}

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
