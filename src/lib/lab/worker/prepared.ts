/// <reference lib="webworker" />
import type { BackendPreference, Progress } from '../messages';
import type { LoadedModel, ModelOpener } from './model';

/**
 * A catalog model downloaded and started ahead of need: the page asks for it
 * while the visitor reads (the photo model chosen, before "Try an example
 * set" or Start), and the request that needs it then takes it, with the
 * download's progress from then on (and where it stood) going to that
 * request's own listener. One model at a time; one asked with another model
 * or backend is opened afresh. A preparation that failed is forgotten: the
 * request opens the model itself, with its own tries and errors, as if
 * nothing had been prepared.
 */
interface Entry {
  key: string;
  model: Promise<LoadedModel>;
  listener?: Progress;
  last?: [number, number];
}

const keyOf = (base: string, modelId: string, backend: BackendPreference) => `${base}\n${modelId}\n${backend}`;

export class PreparedModels {
  private entry: Entry | undefined;
  private readonly opener: ModelOpener;

  constructor(opener: ModelOpener) {
    this.opener = opener;
  }

  /** Starts opening the model unless it is being opened already (another one prepared is let go). */
  prepare(base: string, modelId: string, backend: BackendPreference): void {
    const key = keyOf(base, modelId, backend);
    if (this.entry?.key === key) return;
    this.drop();
    const relay: Omit<Entry, 'model'> = { key };
    const model = this.opener(base, modelId, backend, (done, total) => ((relay.last = [done, total]), relay.listener?.(done, total)));
    model.catch(() => undefined);
    this.entry = Object.assign(relay, { model });
  }

  /** The model: the one prepared for these settings if it started, else opened now. */
  async open(base: string, modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LoadedModel> {
    const entry = this.entry;
    if (entry?.key === keyOf(base, modelId, backend)) {
      this.entry = undefined;
      entry.listener = onProgress;
      if (entry.last) onProgress(...entry.last);
      const model = await entry.model.catch(() => undefined);
      if (model) return model;
    }
    return this.opener(base, modelId, backend, onProgress);
  }

  /** Lets go of a model prepared and not taken (its runtime session is closed once it has started). */
  drop(): void {
    const entry = this.entry;
    this.entry = undefined;
    entry?.model.then(
      (model) => model.embedder.dispose(),
      () => undefined,
    );
  }
}
