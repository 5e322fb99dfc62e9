/** Small helpers for building SVG markup as strings (the same code runs at build time and in the browser). */

/** A number with at most `digits` decimals, as SVG coordinates want it. */
export const n = (value: number, digits = 1) => String(Math.round(value * 10 ** digits) / 10 ** digits);

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A linear map from a data interval onto a pixel interval. */
export function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const to = (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  const from = (p: number) => d0 + ((p - r0) / (r1 - r0)) * (d1 - d0);
  return { to, from };
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attributes}>${escapeXml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attributes = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attributes}/>`;
}

/** An arrow from (x1, y1) to (x2, y2) with a small open head. */
export function arrow(x1: number, y1: number, x2: number, y2: number, attributes = ''): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = (side: number) => `${n(x2 - 7 * Math.cos(angle + side * 0.45))} ${n(y2 - 7 * Math.sin(angle + side * 0.45))}`;
  return `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}M${head(1)}L${n(x2)} ${n(y2)}L${head(-1)}" fill="none" ${attributes}/>`;
}

/**
 * Decision regions on a grid as few rectangles: each row of cells is cut into
 * runs of the same class, one rectangle per run, so the static HTML stays small.
 */
export function regions(labels: Int32Array, columns: number, rows: number, x0: number, y0: number, cell: number, classOf: (label: number) => string): string {
  let out = '';
  for (let r = 0; r < rows; r++) {
    let start = 0;
    for (let c = 1; c <= columns; c++) {
      const label = labels[r * columns + start]!;
      if (c < columns && labels[r * columns + c] === label) continue;
      out += `<rect x="${n(x0 + start * cell)}" y="${n(y0 + r * cell)}" width="${n((c - start) * cell)}" height="${n(cell)}" class="region ${classOf(label)}"/>`;
      start = c;
    }
  }
  return out;
}


/** A prototype's mark: a square of side 2 × size turned 45° about (x, y). */
export function diamond(x: number, y: number, size: number, className: string): string {
  return `<rect x="${n(x - size)}" y="${n(y - size)}" width="${2 * size}" height="${2 * size}" transform="rotate(45 ${n(x)} ${n(y)})" class="prototype ${className}"/>`;
}
