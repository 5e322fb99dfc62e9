import { describe, expect, test } from 'vitest';
import { readyStatus, shortModelName } from '../../../src/lib/lab/page/status-line.ts';

const photo = {
  model: "Photo embedding (MobileNetV2 1.4 ImageNet feature vector as fine-tuned by nsfwjs, with CenterNet's MobileNetV3 middle taps; converted)",
  kind: 'photo',
  dim: 1944,
  backend: 'WASM (SIMD)',
  threads: 2,
};
const online = { kept: false, online: true };

describe('shortModelName', () => {
  test('returns the name before its parenthesised description', () => {
    expect(shortModelName(photo.model)).toBe('Photo embedding');
    expect(shortModelName('Sketch ProtoNet (Conv-4, 64-96-128-128 channels, trained on rendered glyphs)')).toBe('Sketch ProtoNet');
    expect(shortModelName('my-model')).toBe('my-model');
  });
});

describe('readyStatus', () => {
  test('returns one short line with the backend and the thread count, and the full description in the details', () => {
    const status = readyStatus(photo, online);
    expect(status.line).toBe('Ready: Photo embedding, runs on this device (WASM, 2 threads).');
    expect(status.details.join(' ')).toContain(`${photo.model}, 1944-d embeddings.`);
    expect(status.details.join(' ')).toContain('onnxruntime-web WASM (SIMD), 2 threads.');
    expect(status.warning).toBeUndefined();
  });

  test('returns one thread in the singular, and says when the lab also works offline or runs offline now', () => {
    expect(readyStatus({ ...photo, threads: 1 }, online).line).toBe('Ready: Photo embedding, runs on this device (WASM, 1 thread).');
    expect(readyStatus(photo, { kept: true, online: true }).line).toBe('Ready: Photo embedding, runs on this device (WASM, 2 threads) and also works offline.');
    expect(readyStatus(photo, { kept: true, online: false }).line).toBe('Ready: Photo embedding, runs on this device (WASM, 2 threads), offline, from the copy kept in this browser.');
  });

  test('returns the backend note in the details and a failed probe as a warning beside the line', () => {
    const status = readyStatus({ ...photo, note: 'This browser offers no WebGPU adapter, so the model runs on WASM.', warning: 'Its verdicts may be wrong.' }, online);
    expect(status.details).toContain('This browser offers no WebGPU adapter, so the model runs on WASM.');
    expect(status.warning).toBe('Its verdicts may be wrong.');
  });
});
