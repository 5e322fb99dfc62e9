import type { ExampleSet } from '../messages';
import type { ShippedSet } from '../shipped-embeddings';

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
  /** "letters", "things", "textures": how an address or a button names a set (?preset=textures). */
  id: string;
  model: string;
  title: string;
  credit: string;
  classes: Array<{ name: string; images: string[] }>;
  queries: string[];
}

/** The set named `setId`, else the model's first set, else the first set. */
export function chooseExampleSet<P extends Pick<Preset, 'id' | 'model'>>(presets: readonly P[], modelId: string, setId?: string): P {
  return presets.find((p) => p.id === setId) ?? presets.find((p) => p.model === modelId) ?? presets[0]!;
}

/** An example set (see chooseExampleSet) with its pictures as blobs; its model may differ from `modelId` when `setId` names another's set. */
export async function fetchExampleSet(base: string, modelId: string, setId?: string): Promise<{ model: string; title: string; credit: string; set: ExampleSet }> {
  const { presets } = (await (await fetch(`${base}lab/presets.json`)).json()) as { presets: Preset[] };
  const preset = chooseExampleSet(presets, modelId, setId);
  const picture = async (url: string, name: string) => ({ source: await (await fetch(url)).blob(), name });
  const shipped = shippedFor(base, preset.id);
  return {
    model: preset.model,
    title: preset.title,
    credit: preset.credit,
    set: {
      classes: await Promise.all(preset.classes.map(async (c) => ({ name: c.name, images: await Promise.all(c.images.map((url, i) => picture(url, `${c.name}-${i + 1}.png`))) }))),
      queries: await Promise.all(preset.queries.map((url, i) => picture(url, `query-${i + 1}.png`))),
      ...((await shipped) ?? {}),
    },
  };
}

/** A set's shipped embeddings (lab/example-embeddings/<id>.json), as { shipped }; none when they cannot be had: the worker then embeds every picture. */
async function shippedFor(base: string, setId: string): Promise<{ shipped: ShippedSet } | undefined> {
  try {
    const response = await fetch(`${base}lab/example-embeddings/${setId}.json`);
    return response.ok ? { shipped: (await response.json()) as ShippedSet } : undefined;
  } catch {
    return undefined;
  }
}
