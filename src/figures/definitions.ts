/** Every figure's definition, imported eagerly: for build-time rendering only (the browser loads them one by one, see load.ts). */
import type { AnyFigure } from './types.ts';

const modules = import.meta.glob<{ default: AnyFigure }>('./definitions/*.ts', { eager: true });
export const DEFINITIONS: Record<string, AnyFigure> = Object.fromEntries(Object.values(modules).map(({ default: figure }) => [figure.id, figure]));
