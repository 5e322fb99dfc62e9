import { z } from 'astro/zod';
import { savedLabV2Schema } from './saved-lab';

/**
 * The manifest of a lab exported as a zip ("manifest.json" beside one folder
 * per class): the saved lab of format 2, each example's original named by its
 * path in the zip instead of carried as a data URL. Its embeddings are carried
 * too, so an import needs no model run (bench:lab measures both ways).
 */
const classSchema = savedLabV2Schema.shape.classes.element;
const exampleSchema = classSchema.shape.examples.element;

export const labZipManifestSchema = savedLabV2Schema.extend({
  classes: z.array(classSchema.extend({ examples: z.array(exampleSchema.extend({ original: z.string().min(1).max(1000) })) })),
});
export type LabZipManifest = z.output<typeof labZipManifestSchema>;

export const MANIFEST_PATH = 'manifest.json';
