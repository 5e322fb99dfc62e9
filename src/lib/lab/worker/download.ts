/// <reference lib="webworker" />
import { ModelCardError, parseModelCard, type ModelCard } from '../../models/card';
import { shortModelName } from '../../models/model-name';
import type { Progress } from '../messages';

/**
 * A site model's card and file, downloaded so that a broken download is named
 * rather than run. A cut connection, an HTTP error (a 404 while a deploy is
 * half done) or a file shorter than its card says is tried again after a
 * short wait, each wait longer; a whole file whose SHA-256 is not its card's
 * is refused at once, since trying again would fetch the same wrong bytes.
 * Either way the error names the model and what failed, and the lab it was
 * asked for is left as it was (state.ts changes nothing until a model runs).
 */

/** The waits before the second and third tries: short, as the visitor is watching, yet long enough for a dropped connection to come back. */
export const RETRY_DELAYS_MS: readonly number[] = [500, 1500];

/** Not worth trying again: the same request would give the same answer. */
class Refused extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sized = (n: number) => n.toLocaleString('en');

/** The bytes as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs `attempt` until it works, a Refused error, or the waits run out; then names `name` and what failed. */
async function tried<T>(name: string, what: string, delays: readonly number[], attempt: () => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof Refused) throw error;
      if (error instanceof ModelCardError) throw new Error(`${name}: ${error.message}`);
      if (round >= delays.length) throw new Error(`${name}: ${what} could not be downloaded (${reason(error)}), after ${round + 1} tries.`);
      await sleep(delays[round]!);
    }
  }
}

/** What went wrong, in words: fetch rejects with a bare TypeError ("Failed to fetch") when the connection fails. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof TypeError ? `the connection failed: ${message}` : message;
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response;
}

/**
 * The body, read with progress against the card's size: a host's
 * Content-Length may be the compressed size, so it is the total only for a
 * card that states none (no site model's).
 */
async function readBody(response: Response, expected: number | undefined, onProgress: Progress): Promise<Uint8Array<ArrayBuffer>> {
  const total = expected ?? (response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length') ?? 0));
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  if (total && loaded < total) throw new Error(`the file stopped at ${sized(loaded)} of ${sized(total)} bytes`);
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) (bytes.set(chunk, offset), (offset += chunk.length));
  return bytes;
}

/** The card's file check: the same size and SHA-256, or refused by the model's name. */
async function checkFile(name: string, card: ModelCard, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  if (!card.file) return;
  const got = await sha256Hex(bytes);
  if (got === card.file.sha256 && bytes.length === card.file.bytes) return;
  throw new Refused(
    `${name}: the downloaded file does not match its card (SHA-256 ${got.slice(0, 12)}… of ${sized(bytes.length)} bytes, where the card says ${card.file.sha256.slice(0, 12)}… of ${sized(card.file.bytes)}), so it was not run.`,
  );
}

/** A catalog model's card and checked bytes, from the site under `base`. */
export async function downloadModel(base: string, modelId: string, onProgress: Progress, delays = RETRY_DELAYS_MS): Promise<{ bytes: Uint8Array<ArrayBuffer>; card: ModelCard }> {
  const card = await tried(modelId, 'its card', delays, async () => parseModelCard(await (await get(`${base}models/${modelId}/card.json`)).json()));
  const name = shortModelName(card.name);
  const bytes = await tried(name, 'the model file', delays, async () => {
    const bytes = await readBody(await get(`${base}models/${modelId}/model.onnx`), card.file?.bytes, onProgress);
    await checkFile(name, card, bytes);
    return bytes;
  });
  return { bytes, card };
}
