import { KernelInputError } from './errors.ts';

/** A row-major float32 matrix. */
export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
}

export function matrix(data: Float32Array | number[], rows: number, cols: number): Matrix {
  const values = data instanceof Float32Array ? data : Float32Array.from(data);
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new KernelInputError(`A matrix needs whole, non-negative dimensions; got ${rows} × ${cols}.`);
  }
  if (values.length !== rows * cols) {
    throw new KernelInputError(`A ${rows} × ${cols} matrix needs ${rows * cols} values; got ${values.length}.`);
  }
  return { data: values, rows, cols };
}

/** Builds a matrix from equally long rows. */
export function fromRows(rows: ArrayLike<number>[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new KernelInputError(`Row ${i} has ${row.length} values but row 0 has ${cols}; all rows need the same length.`);
    }
    data.set(row, i * cols);
  });
  return { data, rows: rows.length, cols };
}

export function row(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}
