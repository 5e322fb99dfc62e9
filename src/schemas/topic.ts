import { z } from 'astro/zod';

export const topicSchema = z.strictObject({
  /** Position in the seed's table of contents, 1-based. */
  order: z.number().int().min(1).max(9),
  /** The table-of-contents entry exactly as the seed gives it. */
  contentsEntry: z.string().min(1),
  /** The section heading in the seed's body; absent where the seed leaves it out. */
  seedHeading: z.string().optional(),
  /** A short name for navigation. */
  shortTitle: z.string().min(1),
  /** One sentence for listings and the page description (editorial, not the seed's). */
  summary: z.string().min(1),
});

export type Topic = z.output<typeof topicSchema>;
