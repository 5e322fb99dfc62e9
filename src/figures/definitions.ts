/** Every figure's definition, imported eagerly: for build-time rendering only (the browser loads them one by one, see load.ts). */
import { loadKernelsInNode } from '../lib/kernels/load-node.ts';
import type { AnyFigure } from './types.ts';

const modules = import.meta.glob<{ default: AnyFigure }>('./definitions/*.ts', { eager: true });
export const DEFINITIONS: Record<string, AnyFigure> = Object.fromEntries(Object.values(modules).map(({ default: figure }) => [figure.id, figure]));

/** The kernels for drawing the static figures, loaded once per build rather than once per figure drawn. */
export const BUILD_KERNELS = loadKernelsInNode();
