import { KernelInputError } from './errors.ts';

/** A row-major float32 matrix. */
export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
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
