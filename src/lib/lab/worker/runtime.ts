/// <reference lib="webworker" />
/**
 * Chooses where the embedding network runs: WebGPU when the visitor allows it
 * and the browser offers an adapter, otherwise WASM. The WebGPU build of
 * onnxruntime-web (and its 27 MB WASM companion) is imported only on that
 * path, so a browser without WebGPU never downloads it.
 */
import * as wasmOrt from 'onnxruntime-web/wasm';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type * as Ort from 'onnxruntime-web';
import type { BackendPreference } from '../messages';


export interface Runtime {
  ort: typeof Ort;
  executionProviders: string[];
  /** What runs, in words, for the status line. */
  backend: string;
  threads: number;
  /** Why WebGPU was not used, when it was asked for. */
  note?: string;
}

/** Threads only help when the page is cross-origin isolated; without isolation the runtime needs exactly one. */
function wasmThreads(): number {
  return self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
}

async function webGpuAdapter(): Promise<unknown> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}

export function wasmRuntime(note?: string): Runtime {
  const threads = wasmThreads();
  wasmOrt.env.wasm.numThreads = threads;
  wasmOrt.env.wasm.wasmPaths = { wasm: ortWasmUrl };
  return { ort: wasmOrt as unknown as typeof Ort, executionProviders: ['wasm'], backend: 'WASM (SIMD)', threads, ...(note ? { note } : {}) };
}

export async function chooseRuntime(preference: BackendPreference): Promise<Runtime> {
  if (preference === 'wasm') return wasmRuntime();
  if (!(await webGpuAdapter())) return wasmRuntime('This browser offers no WebGPU adapter, so the model runs on WASM.');
  try {
    const [gpuOrt, { default: asyncifyUrl }] = await Promise.all([import('onnxruntime-web/webgpu'), import('onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url')]);
    gpuOrt.env.wasm.numThreads = wasmThreads();
    gpuOrt.env.wasm.wasmPaths = { wasm: asyncifyUrl };
    return { ort: gpuOrt as unknown as typeof Ort, executionProviders: ['webgpu', 'wasm'], backend: 'WebGPU', threads: wasmThreads() };
  } catch (error) {
    return wasmRuntime(`WebGPU could not start (${(error as Error).message}), so the model runs on WASM.`);
  }
}
