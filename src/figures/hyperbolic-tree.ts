/** Geometry of the Poincaré disk figure's background (definitions/poincare-disk.ts): hyperbolic distances and a tree of equal edges. */

/** Hyperbolic distance between points at distances t1 and t2 from O with angle δ between them (law of cosines, curvature −1). */
const distanceFromPolar = (t1: number, t2: number, delta: number) =>
  Math.acosh(Math.max(1, Math.cosh(t1) * Math.cosh(t2) - Math.sinh(t1) * Math.sinh(t2) * Math.cos(delta)));

/**
 * The faint background: a tree with every edge of hyperbolic length EDGE.
 * Each child keeps its direction (the parent's ± a shrinking spread) and its
 * distance t from O is solved for by bisection: d(parent, child) grows with t
 * and reaches EDGE by t = t_parent + EDGE (triangle inequality).
 */
const EDGE = 1;

export interface TreeEdge {
  parent: { t: number; angle: number };
  child: { t: number; angle: number };
}

export function treeEdges(): TreeEdge[] {
  const edges: TreeEdge[] = [];
  const grow = (t: number, angle: number, spread: number, depth: number) => {
    if (depth > 4) return;
    const children = depth === 1 ? [0, 1, 2].map((i) => angle + (i * 2 * Math.PI) / 3) : [angle - spread / 2, angle + spread / 2];
    for (const a of children) {
      let [low, high] = [t, t + EDGE];
      for (let i = 0; i < 60; i++) {
        const mid = (low + high) / 2;
        if (distanceFromPolar(t, mid, a - angle) < EDGE) low = mid;
        else high = mid;
      }
      const child = { t: (low + high) / 2, angle: a };
      edges.push({ parent: { t, angle }, child });
      grow(child.t, a, depth === 1 ? (2 * Math.PI) / 3 / 2 : spread / 2, depth + 1);
    }
  };
  grow(0, Math.PI / 2, 0, 1);
  return edges;
}
