import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NORMALIZATIONS } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { dims, expectClose, kernels, matrixArb, matrixOfShape, RUNS } from './setup.ts';

/** Embeddings with labels that cover every class at least once. */
const labelled = fc
  .record({ classes: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 0, max: 8 }), dim: dims })
  .chain(({ classes, extra, dim }) =>
    fc.tuple(
      matrixOfShape(classes + extra, dim),
      fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: extra, maxLength: extra }),
      fc.constant(classes),
    ),
  )
  .chain(([m, extraLabels, classes]) =>
    fc.shuffledSubarray([...Array.from({ length: classes }, (_, c) => c), ...extraLabels], {
      minLength: m.rows,
      maxLength: m.rows,
    }).map((labels) => ({ m, labels, classes })),
  );

describe('prototypes', () => {
  test('are the class means (tolerance 1e-6 · (1 + |x|))', () => {
    fc.assert(
      fc.property(labelled, ({ m, labels, classes }) => {
        const actual = kernels.prototypes(m, labels, classes);
        const expected = reference.prototypes(m, labels, classes);
        expectClose(actual.prototypes.data, expected.prototypes.data, (i) => 1e-5 * (1 + Math.abs(expected.prototypes.data[i]!)));
        expect(Array.from(actual.mass)).toEqual(Array.from(expected.mass));
      }),
      { numRuns: RUNS },
    );
  });

  test('weighted prototypes are weighted means', () => {
    fc.assert(
      fc.property(
        labelled.chain((input) =>
          fc
            .array(fc.float({ min: Math.fround(0.1), max: 3, noNaN: true }), { minLength: input.m.rows, maxLength: input.m.rows })
            .map((w) => ({ ...input, weights: Float32Array.from(w) })),
        ),
        ({ m, labels, classes, weights }) => {
          const actual = kernels.prototypes(m, labels, classes, weights);
          const expected = reference.prototypes(m, labels, classes, weights);
          expectClose(actual.prototypes.data, expected.prototypes.data, (i) => 1e-5 * (1 + Math.abs(expected.prototypes.data[i]!)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('a single example is its own prototype', () => {
    const m = { data: Float32Array.from([1, 2, 3]), rows: 1, cols: 3 };
    expect(Array.from(kernels.prototypes(m, [0], 1).prototypes.data)).toEqual([1, 2, 3]);
  });
});

describe('normalize', () => {
  for (const mode of NORMALIZATIONS) {
    test(`${mode} matches the reference`, () => {
      fc.assert(
        fc.property(matrixArb(fc.integer({ min: 1, max: 8 }), dims), (m) => {
          const actual = kernels.normalize(m, mode);
          const expected = reference.normalize(m, mode);
          expectClose(actual.data, expected.data, (i) => 1e-5 * (1 + Math.abs(expected.data[i]!)) + (mode === 'none' ? 0 : 1e-5));
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('l2 rows have unit length and zero rows stay zero', () => {
    const m = { data: Float32Array.from([3, 4, 0, 0]), rows: 2, cols: 2 };
    expect(Array.from(kernels.normalize(m, 'l2').data)).toEqual([0.6000000238418579, 0.800000011920929, 0, 0]);
  });

  test('cl2n centres on the given mean before scaling', () => {
    const m = { data: Float32Array.from([2, 1, 0, 1]), rows: 2, cols: 2 };
    expect(Array.from(kernels.normalize(m, 'cl2n', Float32Array.from([1, 1])).data)).toEqual([1, 0, -1, 0]);
  });

  test('the mean is the column mean', () => {
    const m = { data: Float32Array.from([1, 2, 3, 6]), rows: 2, cols: 2 };
    expect(Array.from(kernels.mean(m))).toEqual([2, 4]);
  });
});
