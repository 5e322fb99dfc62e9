import type { Embedder } from '../../inference/embedder';
import type { ModelCard } from '../../models/card';
import { checkProbe, probeInput, type ProbeResult } from '../../models/probe';

/**
 * Starting a model on a backend only after it has shown it computes the
 * model right: the card's probe input must give the card's reference
 * embedding (src/lib/models/probe.ts). A backend other than WASM that fails
 * is dropped for WASM, and the status line says why; WASM failing too is said
 * as well, since nothing is left to fall back to. Runtimes are passed in, so
 * this runs under test without a browser.
 */
export interface CheckedRuntime {
  executionProviders: string[];
  backend: string;
  note?: string;
}

export interface Started<R> {
  runtime: R;
  embedder: Embedder;
  /** Why the preferred backend was not used, or why the result is in doubt. */
  note?: string;
  /** Why the result is in doubt (the probe's embedding is wrong even on WASM), apart: a visitor must see it. */
  warning?: string;
  probe?: ProbeResult;
  /** What the probe input (or blank input) gave on the runtime chosen: shipped embeddings are used only where it is what their maker's runtime gave. */
  probeOutput: Float32Array;
}

/** Embeds the probe input (or, for a card without one, a blank input, which still catches sizes that do not fit). */
export async function probeEmbedder(create: () => Promise<Embedder>, card: ModelCard): Promise<{ embedder: Embedder; probe?: ProbeResult; output: Float32Array }> {
  const embedder = await create();
  try {
    const input = card.probe ? probeInput(card) : new Float32Array(card.input.channels * card.input.height * card.input.width);
    const { data } = await embedder.embed([input]);
    return { embedder, output: data, ...(card.probe ? { probe: checkProbe(data, card.probe) } : {}) };
  } catch (error) {
    await embedder.dispose();
    throw error;
  }
}

export async function startChecked<R extends CheckedRuntime>(preferred: R, wasm: (note: string) => R, card: ModelCard, create: (runtime: R) => Promise<Embedder>): Promise<Started<R>> {
  let runtime = preferred;
  let started: Awaited<ReturnType<typeof probeEmbedder>>;
  try {
    started = await probeEmbedder(() => create(runtime), card);
  } catch (error) {
    if (runtime.executionProviders[0] === 'wasm') throw error;
    runtime = wasm(`${runtime.backend} could not run this model (${(error as Error).message}), so it runs on WASM.`);
    started = await probeEmbedder(() => create(runtime), card);
  }
  if (started.probe && !started.probe.ok && runtime.executionProviders[0] !== 'wasm') {
    const why = started.probe.summary;
    await started.embedder.dispose();
    runtime = wasm(`${runtime.backend} gave a wrong embedding for the model's probe input (${why}), so the model runs on WASM.`);
    started = await probeEmbedder(() => create(runtime), card);
  }
  const doubt = started.probe && !started.probe.ok ? `Even on WASM the model's probe input does not give the embedding its card records (${started.probe.summary}): its verdicts may be wrong.` : undefined;
  const note = [runtime.note, doubt].filter(Boolean).join(' ');
  return { runtime, embedder: started.embedder, probeOutput: started.output, ...(note ? { note } : {}), ...(doubt ? { warning: doubt } : {}), ...(started.probe ? { probe: started.probe } : {}) };
}
