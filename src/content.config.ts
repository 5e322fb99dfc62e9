import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './schemas/paper';
import { topicSchema } from './schemas/topic';

const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/papers' }),
  schema: paperSchema,
});

const topics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/topics' }),
  schema: topicSchema,
});

export const collections = { papers, topics };
