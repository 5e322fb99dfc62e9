/**
 * The only script a topic page loads up front (1.6 KB brotli with its import helper):
 * it waits until a figure scrolls into view, then fetches that figure's code,
 * the island runtime and the kernels, and brings the static picture to life.
 */
import kernelsUrl from '../../build/kernels.wasm?url';
import type { Kernels } from '../lib/kernels/index.ts';
import type { AnyFigure } from './types.ts';

/** One chunk per figure, named after its file (definitions/<id>.ts). */
const MODULES = import.meta.glob<{ default: AnyFigure }>('./definitions/*.ts');

let kernels: Promise<Kernels> | undefined;
const loadKernels = () =>
  (kernels ??= Promise.all([import('../lib/kernels/index.ts'), fetch(kernelsUrl).then((r) => r.arrayBuffer())]).then(([{ instantiateKernels }, bytes]) =>
    instantiateKernels(bytes),
  ));

async function start(root: HTMLElement) {
  const status = root.querySelector<HTMLElement>('[data-figure-status]')!;
  root.dataset.state = 'loading';
  status.textContent = 'Loading the live figure…';
  try {
    const load = MODULES[`./definitions/${root.dataset.liveFigure}.ts`];
    if (!load) throw new Error(`no code for "${root.dataset.liveFigure}"`);
    const [{ hydrate }, { default: figure }, k] = await Promise.all([import('./island.ts'), load(), loadKernels()]);
    hydrate(root, figure, k);
    root.dataset.state = 'live';
    status.textContent = '';
  } catch (error) {
    root.dataset.state = 'failed';
    status.textContent = `The live figure could not load (${(error as Error).message}); the picture shows its starting state.`;
  }
}

export function watchFigures(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('[data-live-figure]')];
  if (!('IntersectionObserver' in window)) return figures.forEach((f) => void start(f));
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void start(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  figures.forEach((f) => observer.observe(f));
}
