import { z } from 'astro/zod';
import { stampSchema, type Stamp } from '../../schemas/bench-file.ts';
import { labBenchSchema, labBulkSchema } from '../../schemas/bench-lab.ts';
import { calibrationFileSchema } from '../../schemas/calibration-results.ts';
import { evaluationResultSchema, evaluationsSchema } from '../../schemas/evaluations.ts';

/**
 * Transitional: bench/results/*.json as the Performance page reads them while
 * some were written before results carried stamps. Such a file is shown with
 * RunStamp's "not stamped" notice instead of failing the build, because the
 * benchmarks that remake lab.json and lighthouse.json need the built site;
 * tests/unit/bench-results.test.ts refuses it all the same. Once
 * `npm run bench` and `npm run audit` have rewritten every file, the page can
 * parse with the schemas themselves and this file can go.
 */
/**
 * Results files not yet rewritten since results carried stamps: the pages show them with RunStamp's "not stamped"
 * notice and the command that remakes them, and the tests check that each is still unstamped (so a file leaves this
 * list the moment its command has rerun). This list may only shrink.
 */
export const NOT_YET_STAMPED = ['src/data/evaluations.json', 'src/data/calibration.json', 'models/sketch-protonet/card.json', 'models/photo-mobilenetv2-centernet/card.json'] as const;

export function stampOptional<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape, z.core.$strict>) {
  return schema.extend({ stamp: stampSchema.optional() });
}

export const labBenchForPage = labBenchSchema.extend({
  stamp: stampSchema.optional(),
  // Live rows of the old shape (verdicts counted, not the page's counter) are left out, not shown.
  live: labBenchSchema.shape.live.catch(undefined),
  bulk: labBulkSchema.extend({ stamp: stampSchema.optional() }).optional(),
});

/**
 * Transitional, like the above: src/data/evaluations.json and calibration.json
 * as written before stamps (generatedBy, date, machine; rows without a stamp,
 * on all classes unless marked "test"), read as the stamped format with no
 * stamps, so the Evaluation page builds until they are regenerated.
 */
const legacyHeader = { generatedBy: z.string(), date: z.string(), machine: z.string() };
const legacyEvaluations = z
  .strictObject({
    ...legacyHeader,
    seconds: z.number(),
    results: z.array(evaluationResultSchema.omit({ stamp: true, classes: true }).extend({ classes: z.enum(['test']).optional() })),
  })
  .transform((file) => ({ stamps: [] as Stamp[], results: file.results.map((r) => ({ ...r, classes: r.classes ?? ('all' as const), stamp: -1 })) }));
export const evaluationsForPage = z.union([evaluationsSchema, legacyEvaluations]);

export const calibrationForPage = z.union([
  calibrationFileSchema,
  calibrationFileSchema
    .omit({ stamp: true })
    .extend(legacyHeader)
    .transform(({ generatedBy: _, date: __, machine: ___, ...file }) => ({ ...file, stamp: undefined as Stamp | undefined })),
]);
