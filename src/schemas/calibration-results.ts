import { z } from 'astro/zod';
import { stampSchema } from './bench-file.ts';

/** src/data/calibration.json (scripts/eval-calibration.ts): the lab's confidences and open-set answers, measured. */
const binSchema = z.strictObject({ from: z.number(), to: z.number(), count: z.number().int(), confidence: z.number(), accuracy: z.number() });

const measuredSchema = z.strictObject({
  /** Known-class queries measured. */
  queries: z.number().int(),
  accuracy: z.number(),
  /** Mean probability of the predicted class. */
  meanConfidence: z.number(),
  /** Expected calibration error, 10 equal-width bins. */
  ece: z.number(),
  bins: z.array(binSchema),
  /** Known against unseen-class queries; null where the split has no class left over for them. */
  openSet: z
    .strictObject({
      unseenQueries: z.number().int(),
      /** Area under the ROC curve, score = distance to the nearest prototype. */
      auroc: z.number(),
      knownCalledUnknown: z.number(),
      unseenCalledUnknown: z.number(),
    })
    .nullable(),
});

export const calibrationFileSchema = z.strictObject({
  stamp: stampSchema,
  split: z.string(),
  results: z.array(
    z.strictObject({
      model: z.string(),
      dataset: z.string(),
      way: z.number().int(),
      shot: z.number().int(),
      episodes: z.number().int(),
      testClasses: z.number().int(),
      method: z.strictObject({ metric: z.string(), normalization: z.string(), temperature: z.union([z.literal('auto'), z.number()]), refine: z.number().int() }),
      /** With the lab's defaults and calibration. */
      after: measuredSchema,
      /** What the lab showed before calibration: squared Euclidean, no normalisation, T = 1. */
      before: z.strictObject({ accuracy: z.number(), meanConfidence: z.number(), ece: z.number() }),
      /** With the learned metric head on (from 2 shots: it calibrates on held-out rounds), same episodes. */
      withHead: z.strictObject({ loss: z.string(), steps: z.number().int(), measured: measuredSchema }).optional(),
    }),
  ),
});
export type CalibrationFile = z.output<typeof calibrationFileSchema>;
