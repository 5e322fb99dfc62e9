import { describe, expect, test } from 'vitest';
import { areaUnderRoc, expectedCalibrationError, fitTemperature, negativeLogLikelihood } from '../../src/lib/fewshot/calibration';
import { seededRandom } from '../../src/lib/random';

/** Rows whose true class is drawn from softmax(−d / T): a fit should find T again. */
function drawn(temperature: number, rows = 4000, classes = 5) {
  const random = seededRandom(3);
  const distances = new Float64Array(rows * classes);
  const labels: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: classes }, () => random() * 4);
    distances.set(row, r * classes);
    const weights = row.map((d) => Math.exp(-d / temperature));
    let u = random() * weights.reduce((a, b) => a + b, 0);
    labels.push(weights.findIndex((w) => (u -= w) <= 0));
  }
  return { distances, classes, labels };
}

describe('fitTemperature', () => {
  test('recovers the temperature the labels were drawn with', () => {
    expect(fitTemperature(drawn(0.7), 1e-3, 1e3)).toBeCloseTo(0.7, 1);
    expect(fitTemperature(drawn(2.5), 1e-3, 1e3)).toBeCloseTo(2.5, 0);
  });

  test('stays inside its bounds, and the fit has the lowest NLL of its neighbourhood', () => {
    const data = drawn(0.7);
    expect(fitTemperature(data, 1, 4)).toBeCloseTo(1, 3);
    const t = fitTemperature(data, 1e-3, 1e3);
    expect(negativeLogLikelihood(data, t)).toBeLessThan(negativeLogLikelihood(data, t * 1.2));
    expect(negativeLogLikelihood(data, t)).toBeLessThan(negativeLogLikelihood(data, t / 1.2));
    expect(() => fitTemperature(data, 0, 1)).toThrow(/0 < low ≤ high/);
  });
});

describe('expectedCalibrationError', () => {
  test('is near 0 when confidence matches accuracy and large when every answer is overconfident', () => {
    const random = seededRandom(9);
    const confidences = Array.from({ length: 20000 }, () => random());
    const calibrated = confidences.map((c) => random() < c);
    expect(expectedCalibrationError(confidences, calibrated).ece).toBeLessThan(0.02);
    const { ece, bins } = expectedCalibrationError(confidences.map(() => 0.999), calibrated);
    expect(ece).toBeGreaterThan(0.45);
    expect(bins[9]!.count).toBe(20000);
  });
});

describe('areaUnderRoc', () => {
  test('is 1 for separated scores, 0.5 for identical ones, and counts ties as one half', () => {
    expect(areaUnderRoc([3, 4], [1, 2])).toBe(1);
    expect(areaUnderRoc([1, 1], [1, 1])).toBe(0.5);
    expect(areaUnderRoc([2, 0], [1])).toBe(0.5);
    expect(areaUnderRoc([], [1])).toBeNaN();
  });
});
