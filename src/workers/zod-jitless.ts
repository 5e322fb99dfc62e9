/**
 * Zod (the saved-lab and model-card schemas) probes `new Function` when its
 * first object schema is built; under the lab's Content-Security-Policy (no
 * 'unsafe-eval') that probe is reported as a violation even though it is
 * caught. Imported first by the worker, so no schema is built before it.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
