import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { isMetric, METRIC_NAMES, type Metric } from './metrics.ts';

export function checkMatrix(name: string, m: Matrix, { allowEmpty = false } = {}): void {
  if (!(m?.data instanceof Float32Array)) {
    throw new KernelInputError(`${name} must be a matrix of float32 values ({ data: Float32Array, rows, cols }).`);
  }
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new KernelInputError(`${name} has invalid dimensions ${m.rows} × ${m.cols}.`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new KernelInputError(`${name} says ${m.rows} × ${m.cols} but holds ${m.data.length} values.`);
  }
  if (!allowEmpty && (m.rows === 0 || m.cols === 0)) {
    throw new KernelInputError(`${name} is empty (${m.rows} × ${m.cols}); it needs at least one row and one column.`);
  }
}

export function checkSameWidth(aName: string, a: Matrix, bName: string, b: Matrix): void {
  if (a.cols !== b.cols) {
    throw new KernelInputError(
      `Dimension mismatch: ${aName} have ${a.cols} values per row but ${bName} have ${b.cols}; both must come from the same embedding.`,
    );
  }
}

/** Reports where the first NaN or infinite value is, given its flat index. */
export function nonFiniteError(name: string, m: Matrix, flatIndex: number): KernelInputError {
  const value = m.data[flatIndex];
  return new KernelInputError(
    `${name} contains ${Number.isNaN(value) ? 'NaN' : String(value)} at row ${Math.floor(flatIndex / m.cols)}, column ${flatIndex % m.cols}; every value must be a finite number.`,
  );
}

/** Checks labels against the row count and class count; returns how many rows each class has. */
export function checkLabels(labels: Int32Array, rows: number, classes: number, { allowEmptyClass = false } = {}): Int32Array {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new KernelInputError(`The number of classes must be a whole number ≥ 1; got ${classes}.`);
  }
  if (labels.length !== rows) {
    throw new KernelInputError(`There are ${rows} embeddings but ${labels.length} labels; give one label per embedding.`);
  }
  const counts = new Int32Array(classes);
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new KernelInputError(
        `Label ${label} at row ${i} is out of range: with ${classes} classes, labels run from 0 to ${classes - 1}.`,
      );
    }
    counts[label]!++;
  });
  if (!allowEmptyClass) {
    const empty = counts.findIndex((count) => count === 0);
    if (empty !== -1) {
      throw new KernelInputError(`Class ${empty} has no examples; give it at least one, or leave it out.`);
    }
  }
  return counts;
}

export function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new KernelInputError(`${name} must be a positive, finite number; got ${value}.`);
  }
}

export function checkWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new KernelInputError(`${name} must be a whole number ≥ ${min}; got ${value}.`);
  }
}

export function toInt32(labels: ArrayLike<number>): Int32Array {
  if (labels instanceof Int32Array) return labels;
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label)) {
      throw new KernelInputError(`Label ${label} at row ${i} is not a whole number.`);
    }
    out[i] = label;
  }
  return out;
}

export function checkMetric(metric: string): asserts metric is Metric {
  if (!isMetric(metric)) {
    throw new KernelInputError(`Unknown metric "${metric}"; use one of ${METRIC_NAMES.join(', ')}.`);
  }
}

export function checkQuantile(quantile: number): void {
  if (!(quantile > 0 && quantile <= 1)) {
    throw new KernelInputError(`The open-set quantile must lie in (0, 1]; got ${quantile}.`);
  }
}

/** An open-set threshold: any number or Infinity ("never unknown"), but not NaN. */
export function checkThreshold(threshold: number): void {
  if (Number.isNaN(threshold)) throw new KernelInputError('The open-set threshold is NaN; pass a number or Infinity.');
}
