import { z } from 'astro/zod';

export const relevanceSchema = z.enum(['recommended', 'not-recommended', 'none']);

/** How the survey relates one paper to another (or to work outside the survey). */
export const relationKindSchema = z.enum([
  'analogous-to',
  'prior-work',
  'inspired-by',
  'not-better-than',
  'reports-on',
  'related-to',
]);

export const relationSchema = z.strictObject({
  kind: relationKindSchema,
  /** Id of the related paper when it is in the survey; absent for work the survey only names. */
  paper: z.string().optional(),
  /** The related work's name as the seed gives it. */
  name: z.string().min(1),
  /** The seed's words that state the relation, verbatim (never a paraphrase). */
  note: z.string().optional(),
  /**
   * The relation is the survey author's own remark (its note is «…» in the
   * paper's notes), not something the paper claims: the site says so.
   */
  bySurveyAuthor: z.boolean().default(false),
});

export const paperSchema = z.strictObject({
  /** Title exactly as the seed gives it, typos included. */
  title: z.string().min(1),
  /** The title with obvious typos corrected; shown beside the seed's title, never instead of it. */
  correctedTitle: z.string().optional(),
  /** The seed's own line for this paper (venue prefix and credit line included), verbatim. */
  seedLine: z.string().min(1),
  /** Position in the survey, 1-based, across all topics. */
  order: z.number().int().positive(),
  /** Id of the topic the seed lists the paper under. */
  topic: z.string().min(1),
  /** The seed author's mark: :+1: → recommended, :-1: → not recommended. */
  relevance: relevanceSchema,
  /** Authors as far as the seed names them, footnote marks and text-extraction artefacts removed. */
  authors: z.array(z.string().min(1)).default([]),
  /** The seed's credit line as written, when it differs from the cleaned list. */
  authorsAsWritten: z.string().optional(),
  /** True when the seed names no authors, or ends the list with "et al". */
  authorsIncomplete: z.boolean(),
  venue: z.string().optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  backbones: z.array(z.string().min(1)).default([]),
  datasets: z.array(z.string().min(1)).default([]),
  embeddingSizes: z.array(z.number().int().positive()).default([]),
  /** The seed follows the sizes with a question mark. */
  embeddingSizesQueried: z.boolean().default(false),
  framework: z.string().optional(),
  optimizer: z.string().optional(),
  relations: z.array(relationSchema).default([]),
});

export type Paper = z.output<typeof paperSchema>;
export type Relation = z.output<typeof relationSchema>;
export type RelationKind = z.output<typeof relationKindSchema>;
export type Relevance = z.output<typeof relevanceSchema>;
