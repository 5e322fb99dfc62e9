import type { Kernels, Matrix } from '../kernels/index.ts';
import type { Supports } from './fit.ts';
import type { Method } from './method.ts';

export interface MapPoint {
  kind: 'example' | 'prototype' | 'query';
  /** The class of an example or prototype; null for a query. */
  classId: string | null;
  /** The example's id, for examples. */
  exampleId?: string;
  x: number;
  y: number;
}

export interface MapInput {
  ready: Array<{ id: string; examples: Array<{ id: string }> }>;
  supports: Supports;
  /** One per class, or with the head on its proxies (`centres` per class, class after class). */
  prototypes: Matrix;
}

/** The map with the learned metric on: the unit-length supports the head lives among, and its proxies in place of the prototypes. */
export function headMapInput(fit: MapInput, x: Matrix, head: { proxies: Matrix }): MapInput {
  return { ready: fit.ready, supports: { ...fit.supports, normalized: x }, prototypes: head.proxies };
}

/**
 * A 2-D map (the two principal directions, by the PCA kernel) of the
 * examples, the class prototypes and the queries, normalised as for prediction.
 */
export function mapPoints(kernels: Kernels, { ready, supports, prototypes }: MapInput, queries: Float32Array[], method: Method): MapPoint[] {
  const dim = supports.normalized.cols;
  const examples = ready.flatMap((c) => c.examples.map((e) => ({ classId: c.id, exampleId: e.id })));
  const q = queries.length ? kernels.normalize({ data: concat(queries, dim), rows: queries.length, cols: dim }, method.normalization, supports.mean) : { data: new Float32Array(0), rows: 0, cols: dim };
  const rows = examples.length + q.rows + prototypes.rows;
  if (rows < 2) return [];
  const points = new Float32Array(rows * dim);
  points.set(supports.normalized.data);
  points.set(q.data, examples.length * dim);
  points.set(prototypes.data, (examples.length + q.rows) * dim);
  const { coords } = kernels.project2d({ data: points, rows, cols: dim });
  const at = (i: number) => ({ x: coords[2 * i]!, y: coords[2 * i + 1]! });
  return [
    ...examples.map((e, i) => ({ kind: 'example' as const, ...e, ...at(i) })),
    ...queries.map((_, i) => ({ kind: 'query' as const, classId: null, ...at(examples.length + i) })),
    ...Array.from({ length: prototypes.rows }, (_, k) => ({ kind: 'prototype' as const, classId: ready[Math.floor((k * ready.length) / prototypes.rows)]!.id, ...at(examples.length + q.rows + k) })),
  ];
}

function concat(rows: Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((row, i) => out.set(row, i * dim));
  return out;
}
