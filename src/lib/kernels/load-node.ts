import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { instantiateKernels, type Kernels } from './kernels.ts';

const BUILD = new URL('../../../build/', import.meta.url);

/**
 * Loads the kernels in Node (tests, benchmarks, the evaluation harness) from
 * build/, made by `npm run build:kernels`. `relaxed: 'auto'` picks the relaxed-SIMD
 * build when this runtime validates it.
 */
export async function loadKernelsInNode({ relaxed = false }: { relaxed?: boolean | 'auto' } = {}): Promise<Kernels> {
  const read = (name: string) =>
    readFile(fileURLToPath(new URL(name, BUILD))).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new Error(`build/${name} is missing: run \`npm run build:kernels\` first.`);
      throw error;
    });
  if (relaxed) {
    const bytes = await read('kernels-relaxed.wasm');
    if (WebAssembly.validate(bytes)) return instantiateKernels(bytes);
    if (relaxed === true) throw new Error('This runtime does not support relaxed SIMD.');
  }
  return instantiateKernels(await read('kernels.wasm'));
}
