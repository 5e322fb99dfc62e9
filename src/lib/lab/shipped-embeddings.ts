/**
 * Embeddings that ship with an example set (made by npm run
 * lab:example-embeddings, on onnxruntime-web's WASM backend in Node), and the
 * two fingerprints the worker checks before it uses one instead of running
 * the model: the SHA-256 of the model's output for its card's probe input
 * (the runtime computes this model as the file's maker did), and the SHA-256
 * of the picture's decoded RGBA pixels (it embeds the same pixels). Shared by
 * the script, the build, the page and the worker; no DOM, no Node.
 */

/** What the worker needs for one picture of a set. */
export interface ShippedPicture {
  /** SHA-256 (hex) of the decoded RGBA pixels the embedding was made from. */
  pixelsSha256: string;
  /** Base64 of the little-endian float32 values (decoded by the worker: base64ToFloat32). */
  embedding: string;
}

/** A set's shipped embeddings: the model, its probe fingerprint, and one entry per picture (classes' images in order, then the queries). */
export interface ShippedSet {
  model: string;
  probeSha256: string;
  pictures: ShippedPicture[];
}

/** The bytes as 64 lowercase hex digits (Web Crypto: the worker and Node both have it). */
export async function sha256Hex(bytes: ArrayBufferView): Promise<string> {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view.slice()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fingerprint of a probe output: its float32 bytes, hashed (bit-identical outputs only). */
export const probeSha256 = (output: Float32Array): Promise<string> => sha256Hex(output);

/** Float32 values as base64 of their little-endian bytes (how cards keep their probes). */
export function float32ToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToFloat32(text: string): Float32Array {
  const binary = atob(text);
  if (binary.length % 4) throw new Error(`A shipped embedding has ${binary.length} bytes, not a whole number of float32 values.`);
  return new Float32Array(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)).buffer);
}
