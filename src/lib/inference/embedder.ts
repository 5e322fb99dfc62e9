import type * as Ort from 'onnxruntime-web';
import type { ModelCard } from '../models/card.ts';
import type { Matrix } from '../kernels/matrix.ts';

/**
 * An ONNX embedding network behind a small interface: tensors in (as the
 * model card describes them), one embedding per row out. onnxruntime-web is
 * passed in, so the browser can import its WASM or WebGPU build on demand and
 * Node can import the package itself; nothing here touches the DOM.
 */
export interface Embedder {
  readonly card: ModelCard;
  /** Embeds prepared input tensors (each channels × height × width floats). */
  embed(inputs: readonly Float32Array[]): Promise<Matrix>;
  dispose(): Promise<void>;
}

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

export interface EmbedderOptions {
  executionProviders?: string[];
  /** Inputs per inference call; larger batches amortise overhead, smaller ones keep memory low. */
  batchSize?: number;
}

export async function createEmbedder(ort: typeof Ort, model: Uint8Array, card: ModelCard, options: EmbedderOptions = {}): Promise<Embedder> {
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(model, { executionProviders: options.executionProviders ?? ['wasm'], graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new ModelLoadError(`The model could not be loaded as ONNX: ${(error as Error).message}`);
  }
  if (!session.inputNames.includes(card.input.name)) {
    throw new ModelLoadError(`The card names the input "${card.input.name}", but the model's inputs are: ${session.inputNames.join(', ')}.`);
  }
  if (!session.outputNames.includes(card.output.name)) {
    throw new ModelLoadError(`The card names the output "${card.output.name}", but the model's outputs are: ${session.outputNames.join(', ')}.`);
  }
  const { channels, height, width } = card.input;
  const size = channels * height * width;
  const batchSize = options.batchSize ?? 64;

  async function run(batch: readonly Float32Array[]): Promise<Float32Array> {
    const data = new Float32Array(batch.length * size);
    batch.forEach((input, i) => {
      if (input.length !== size) throw new ModelLoadError(`An input has ${input.length} values; the card's ${channels} × ${height} × ${width} needs ${size}.`);
      data.set(input, i * size);
    });
    const feeds = { [card.input.name]: new ort.Tensor('float32', data, [batch.length, channels, height, width]) };
    const result = await session.run(feeds);
    const output = result[card.output.name]!;
    const values = output.data as Float32Array;
    if (values.length !== batch.length * card.output.dim) {
      throw new ModelLoadError(`The model's output "${card.output.name}" has ${values.length / batch.length} values per input, but the card says ${card.output.dim}.`);
    }
    output.dispose();
    return values;
  }

  return {
    card,
    async embed(inputs) {
      const out = new Float32Array(inputs.length * card.output.dim);
      for (let start = 0; start < inputs.length; start += batchSize) {
        out.set(await run(inputs.slice(start, start + batchSize)), start * card.output.dim);
      }
      return { data: out, rows: inputs.length, cols: card.output.dim };
    },
    async dispose() {
      await session.release();
    },
  };
}
